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

// A helper that makes the insecure variant of a client, called only to
// initialise package variables named as that variant (tsuru's
// net.Dial15Full60ClientNoKeepAliveInsecure = insecure(...)): the
// variable is the opt-in, read where a webhook's "insecure" flag picks
// it. A note.
func insecureVariant(c *http.Client) *http.Client {
	t := &http.Transport{TLSClientConfig: &tls.Config{}}
	t.TLSClientConfig.InsecureSkipVerify = true // want `user-controlled value`
	c.Transport = t
	return c
}

var (
	DialClient          = &http.Client{}
	DialClientInsecure  = insecureVariant(&http.Client{})
	RetryClientNoVerify = insecureVariant(&http.Client{})
)

// Near miss: the same helper also initialises a variable whose name
// does not say it is insecure.
func skipVerifying(c *http.Client) *http.Client {
	c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `tls.Config sets InsecureSkipVerify to true`
	return c
}

var (
	FastClientInsecure = skipVerifying(&http.Client{})
	FastClient         = skipVerifying(&http.Client{})
)
