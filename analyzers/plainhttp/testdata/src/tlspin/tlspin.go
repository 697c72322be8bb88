// Package tlspin fetches root certificates over connections that do not
// verify, then checks them against a pinned digest (silent), beside the
// same fetches with no pin, a digest that is computed but not checked,
// a check that does not refuse, and a helper also called without a pin
// (reported).
package tlspin

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strings"
)

func fetchCert(c *http.Client, url string) (*x509.Certificate, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(b)
}

// Silent: the fetched root is hashed and refused unless it matches the
// fingerprint.
func RootPinned(url, fingerprint string) (*x509.Certificate, error) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	cert, err := fetchCert(c, url)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(cert.Raw)
	if !strings.EqualFold(fingerprint, hex.EncodeToString(sum[:])) {
		return nil, errors.New("fingerprint does not match")
	}
	return cert, nil
}

// Reported: the same fetch, trusted as it comes.
func RootUnpinned(url string) (*x509.Certificate, error) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true`
	return fetchCert(c, url)
}

// Reported: the digest is computed for a log line, never compared.
func RootHashedOnly(url string) (*x509.Certificate, string, error) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true`
	cert, err := fetchCert(c, url)
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(cert.Raw)
	return cert, hex.EncodeToString(sum[:]), nil
}

// Reported: the digest is compared, but a mismatch is only noted.
func RootCompareNoRefusal(url, fingerprint string) (*x509.Certificate, bool, error) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true`
	cert, err := fetchCert(c, url)
	if err != nil {
		return nil, false, err
	}
	sum := sha256.Sum256(cert.Raw)
	match := hex.EncodeToString(sum[:]) == fingerprint
	return cert, match, nil
}

// newInsecureClient is a helper every caller of which pins.
func newInsecureClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
}

// Silent: the helper's only caller checks the public key's digest.
func RootByKeyPin(url string, pin [32]byte) (*x509.Certificate, error) {
	cert, err := fetchCert(newInsecureClient(), url)
	if err != nil {
		return nil, err
	}
	if sha256.Sum256(cert.RawSubjectPublicKeyInfo) != pin {
		return nil, errors.New("key pin does not match")
	}
	return cert, nil
}

// sharedInsecure is a helper with one pinned caller and one that is not.
func sharedInsecure() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true`
}

// Fingerprint is a fingerprint of a certificate, as a string.
func Fingerprint(c *x509.Certificate) string {
	sum := sha256.Sum256(c.Raw)
	return hex.EncodeToString(sum[:])
}

// Silent here: the fingerprint function's result is checked.
func RootByFingerprint(url, fp string) (*x509.Certificate, error) {
	cert, err := fetchCert(sharedInsecure(), url)
	if err != nil {
		return nil, err
	}
	if Fingerprint(cert) != fp {
		return nil, errors.New("fingerprint does not match")
	}
	return cert, nil
}

// The unpinned caller that keeps sharedInsecure reported.
func Data(url string) (*http.Response, error) {
	return sharedInsecure().Get(url)
}

// Silent: the fingerprint a function of the certificate returns is
// checked where the config is made.
func RootByFingerprintHere(url, fp string) (*x509.Certificate, error) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	cert, err := fetchCert(c, url)
	if err != nil {
		return nil, err
	}
	if got := Fingerprint(cert); got != fp {
		return nil, errors.New("fingerprint does not match")
	}
	return cert, nil
}
