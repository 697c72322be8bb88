// Command mtlsserver reads its clients' certificates (mutual TLS) and
// calls a backend with verification off: no probe, so still an error.
package main

import (
	"crypto/tls"
	"net/http"
)

var backend = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `tls.Config sets InsecureSkipVerify to true`

func handle(w http.ResponseWriter, r *http.Request) {
	if r.TLS == nil || len(r.TLS.PeerCertificates) == 0 {
		http.Error(w, "client certificate required", http.StatusUnauthorized)
		return
	}
	resp, err := backend.Get("https://backend.example.com/" + r.TLS.PeerCertificates[0].Subject.CommonName)
	if err == nil {
		resp.Body.Close()
	}
}

func main() {
	http.HandleFunc("/", handle)
	_ = http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", nil)
}
