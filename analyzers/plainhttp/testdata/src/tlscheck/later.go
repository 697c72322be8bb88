package tlscheck

import (
	"crypto/tls"
	"net/http"
)

// Config fixed later (issue 15, class 9): the last write to a field
// decides what the connection uses, so a literal whose field the same
// function sets again is judged by the later assignment.

// silent: MinVersion raised before use.
func raisedLater(fips bool) *http.Client {
	cfg := &tls.Config{MinVersion: tls.VersionTLS10}
	cfg.MinVersion = tls.VersionTLS12
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

// silent: verification switched back on before use.
func verifiedLater() *http.Transport {
	var cfg = &tls.Config{InsecureSkipVerify: true}
	cfg.InsecureSkipVerify = false
	return &http.Transport{TLSClientConfig: cfg}
}

// reported: a later write to another field fixes nothing.
func otherFieldLater() *http.Transport {
	cfg := &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	cfg.ServerName = "api.example.com"
	return &http.Transport{TLSClientConfig: cfg}
}

// reported: the later write is itself unsafe, and is reported there.
func lowerLater() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.MinVersion = tls.VersionTLS10 // want `tls.Config MinVersion is TLS 1.0, below TLS 1.2`
	return cfg
}
