// Package tlsserver: InsecureSkipVerify controls only a client's check
// of the server's certificate; crypto/tls ignores it on a config that
// only accepts connections. Such a config is not reported; one that
// also dials (or escapes) still is.
package tlsserver

import (
	"crypto/tls"
	"net"
	"net/http"
)

// Positives (no longer reported): the config reaches only server uses.

func relayServer(cert tls.Certificate, addr string) {
	cfg := &tls.Config{
		Certificates:       []tls.Certificate{cert},
		ClientAuth:         tls.RequestClientCert,
		InsecureSkipVerify: true,
	}
	go listen(addr, cfg)
}

func listen(addr string, config *tls.Config) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return
	}
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go handle(c, config)
	}
}

func handle(c net.Conn, config *tls.Config) {
	conn := tls.Server(c, config)
	_ = conn.Handshake()
}

func httpsServer(cert tls.Certificate) *http.Server {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}}
	cfg.InsecureSkipVerify = true
	return &http.Server{Addr: ":443", TLSConfig: cfg}
}

func listener(inner net.Listener, cert tls.Certificate) net.Listener {
	return tls.NewListener(inner, &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true})
}

func listenDirect(cert tls.Certificate) (net.Listener, error) {
	return tls.Listen("tcp", ":8443", &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true})
}

// Near misses (still reported): the config also dials, is returned,
// stored where a client may read it, or handed to code not seen.

func bothWays(cert tls.Certificate, c net.Conn) {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	_ = tls.Server(c, cfg)
	_, _ = tls.Dial("tcp", "peer.example.com:443", cfg)
}

func viaHelper(cert tls.Certificate, c net.Conn) {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	handle(c, cfg)
	dialWith(cfg)
}

func dialWith(config *tls.Config) {
	_, _ = tls.Dial("tcp", "peer.example.com:443", config)
}

func returned(cert tls.Certificate) *tls.Config {
	return &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
}

type node struct{ tlsConfig *tls.Config }

func stored(n *node, cert tls.Certificate) {
	n.tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
}

func clientTransport() *http.Transport {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true // want `tls.Config sets InsecureSkipVerify to true`
	return &http.Transport{TLSClientConfig: cfg}
}

func cloned(cert tls.Certificate, c net.Conn) {
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	_ = tls.Server(c, cfg.Clone())
}

func clientConn(c net.Conn) {
	_ = tls.Client(c, &tls.Config{InsecureSkipVerify: true}) // want `tls.Config sets InsecureSkipVerify to true`
}
