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
