// Package tlskeypath logs key-named values that net/http's TLS servers
// take as file paths (the certFile and keyFile parameters of
// ServeTLS and ListenAndServeTLS): such a value is a path, not a key.
// A key's content, and an argument that is no file parameter (the
// listen address), stay what their names say.
package tlskeypath

import (
	"crypto/tls"
	"log"
	"net"
	"net/http"
	"os"
)

type settings struct {
	TLS  bool
	Cert string
	Key  string
}

func (s *settings) tlsSettings() (bool, string, string, error) {
	return s.TLS, s.Key, s.Cert, nil
}

// Near miss: the key file path is logged, then served from inside a
// goroutine closure that captures it.
func serveInBackground(s *settings, l net.Listener, h http.Handler) error {
	enabled, privateKey, publicKey, err := s.tlsSettings()
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h}
	go func() {
		if !enabled {
			err = srv.Serve(l)
		} else {
			log.Printf("TLS enabled, private key %s, pubkey %v", privateKey, publicKey)
			err = srv.ServeTLS(l, publicKey, privateKey)
		}
		if err != nil {
			log.Printf("serve: %v", err)
		}
	}()
	return nil
}

// Near miss: the method that listens itself.
func listenMethod(h http.Handler) error {
	privateKey := os.Getenv("TLS_PRIVATE_KEY")
	log.Printf("using private key %s", privateKey)
	srv := &http.Server{Addr: ":8443", Handler: h}
	return srv.ListenAndServeTLS("cert.pem", privateKey)
}

// Near miss: the package function, key path after the address.
func listenFunc(h http.Handler) error {
	secretKey := os.Getenv("SERVER_SECRET_KEY")
	log.Printf("serving with key file %s", secretKey)
	return http.ListenAndServeTLS(":8443", "cert.pem", secretKey, h)
}

// Near miss: http.ServeTLS, key path last.
func serveFunc(l net.Listener, h http.Handler) error {
	apiKey := os.Getenv("API_KEY")
	log.Printf("key %s", apiKey)
	return http.ServeTLS(l, h, "cert.pem", apiKey)
}

// Positive: the key's PEM content, parsed in memory, is the key.
func inMemory(h http.Handler) error {
	privateKey := os.Getenv("TLS_PRIVATE_KEY")
	log.Printf("using private key %s", privateKey) // want `reaches log.Printf`
	pair, err := tls.X509KeyPair([]byte(os.Getenv("TLS_CERT")), []byte(privateKey))
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, TLSConfig: &tls.Config{Certificates: []tls.Certificate{pair}}}
	return srv.ListenAndServeTLS("", "")
}

// Positive: a password logged beside a TLS listener whose files are
// other values.
func besideListener(h http.Handler) error {
	password := os.Getenv("ADMIN_PASSWORD")
	log.Printf("admin password %s", password) // want `reaches log.Printf`
	return http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", h)
}

// Positive: the listen address is no file parameter; a token handed
// there is not thereby a path.
func addrNotPath(h http.Handler) error {
	token := os.Getenv("BIND_TOKEN")
	log.Printf("bind token %s", token) // want `reaches log.Printf`
	return http.ListenAndServeTLS(token, "cert.pem", "key.pem", h)
}

// Positive: the key content is served in-memory through GetCertificate;
// the file parameters are empty.
func getCert(h http.Handler) error {
	secretKey := os.Getenv("TLS_SECRET_KEY")
	log.Printf("key %s", secretKey) // want `reaches log.Printf`
	srv := &http.Server{Handler: h, TLSConfig: &tls.Config{GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
		c, err := tls.X509KeyPair(nil, []byte(secretKey))
		return &c, err
	}}}
	return srv.ListenAndServeTLS("", "")
}
