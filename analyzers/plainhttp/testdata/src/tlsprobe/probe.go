// Package tlsprobe reports on the certificates servers present; it must
// connect to servers whose certificates are broken.
package tlsprobe

import (
	"crypto/tls"
	"net/http"
	"time"
)

// Expiry dials addr and reads the certificate chain: a probe.
func Expiry(addr string) (time.Time, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want `in code that reads the server's certificates after the handshake`
	if err != nil {
		return time.Time{}, err
	}
	defer conn.Close()
	state := conn.ConnectionState()
	return state.PeerCertificates[0].NotAfter, nil
}

// Issuer does the same over HTTP, from the response's TLS state.
func Issuer(url string) (string, error) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `TLS probing or scanning tool`
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.TLS.PeerCertificates[0].Issuer.String(), nil
}

// Near miss: another function of the same package sends a credential
// with verification off. It reads no certificate: still an error.
func Upload(url, token string) error {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `tls.Config sets InsecureSkipVerify to true`
	req, err := http.NewRequest("POST", url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	_, err = c.Do(req)
	return err
}

// Near miss: reading the state without the certificates (the version
// negotiated) is no probe.
func Version(addr string) (uint16, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want `tls.Config sets InsecureSkipVerify to true`
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	return conn.ConnectionState().Version, nil
}

// Protocols: a probe that accepts old protocol versions on purpose, to
// report what the server offers; its MinVersion is part of the probe.
func Protocols(addr string) (uint16, string, error) {
	cfg := &tls.Config{
		InsecureSkipVerify: true,             // want `in code that reads the server's certificates after the handshake`
		MinVersion:         tls.VersionSSL30, //nolint:staticcheck // silent: a probe enumerates old versions
		MaxVersion:         tls.VersionTLS13,
	}
	conn, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		return 0, "", err
	}
	defer conn.Close()
	st := conn.ConnectionState()
	return st.Version, st.PeerCertificates[0].Subject.String(), nil
}

// Near miss: an old MinVersion where no certificate is read is no probe.
func Legacy(addr string) (uint16, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{MinVersion: tls.VersionTLS10}) // want `MinVersion is TLS 1.0, below TLS 1.2`
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	return conn.ConnectionState().Version, nil
}
