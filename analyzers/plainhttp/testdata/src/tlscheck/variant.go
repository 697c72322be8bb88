package tlscheck

import (
	"crypto/tls"
	"net/http"
)

// NewInsecureRegistry is the insecure variant of a registry client,
// exported for the packages that pick it under their own option: a
// note.
func NewInsecureRegistry(url string) *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // want `exported function named for the insecure variant`
	}}}
}

// SkipVerifyTransport is one too.
func SkipVerifyTransport() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `exported function named for the insecure variant`
}

// Near misses: an exported function whose name does not say so, and an
// insecure variant its own package calls unconditionally.

func NewRegistryClient(url string) *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // want `tls.Config sets InsecureSkipVerify to true: the server's certificate`
	}}}
}

func NewInsecureMirror() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // want `tls.Config sets InsecureSkipVerify to true: the server's certificate`
	}}}
}

var mirror = NewInsecureMirror()
