package tlscheck

import (
	"crypto/tls"
	"net/http"
)

// Insecure configs kept in a helper: a note when every call is under the
// user's choice, reported when one call is not or the helper escapes.

type FSConfig struct {
	Endpoint      string
	SkipTLSVerify bool
}

func insecureConfig() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `user-controlled value`
}

func newFSClient(cfg FSConfig) *http.Client {
	t := &http.Transport{}
	if cfg.SkipTLSVerify {
		t.TLSClientConfig = insecureConfig()
	}
	return &http.Client{Transport: t}
}

func dialFS(cfg FSConfig) *tls.Config {
	if !cfg.SkipTLSVerify {
		return &tls.Config{}
	}
	return insecureConfig() // an early return decides too
}

// Near misses.

func alwaysInsecure() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
}

func newClient(cfg FSConfig) *http.Client {
	t := &http.Transport{}
	if cfg.SkipTLSVerify {
		t.TLSClientConfig = alwaysInsecure()
	}
	t.TLSClientConfig = alwaysInsecure() // one call without the choice
	return &http.Client{Transport: t}
}

func escapingInsecure() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
}

var configFactory = escapingInsecure // the helper escapes: its callers are unknown

func neverCalled() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
}

func (c FSConfig) insecureMethod() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true} // want `user-controlled value`
}

func useMethod(c FSConfig) *tls.Config {
	if c.SkipTLSVerify {
		return c.insecureMethod()
	}
	return nil
}
