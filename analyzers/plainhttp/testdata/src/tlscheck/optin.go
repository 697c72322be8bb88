package tlscheck

import (
	"crypto/tls"
	"flag"
	"net"
	"net/http"
	"os"
	"strconv"
)

var (
	insecure = flag.Bool("insecure", false, "skip certificate verification")
	k        bool // curl's -k: bound to a flag, whatever its name
)

func init() { flag.BoolVar(&k, "k", false, "insecure") }

type clientConfig struct {
	TLSSkipVerify   bool
	VerifyTLS       bool
	Retries         int
	NeedTLS         bool
	UseSSL          bool
	SSLMode         int
	IgnoreTLSErrors bool
}

// Values the user controls are an opt-in: notes.
func userChoice(cfg clientConfig) {
	_ = &tls.Config{InsecureSkipVerify: *insecure} // want `InsecureSkipVerify is set from a user-controlled value`
	_ = &tls.Config{InsecureSkipVerify: k}         // want `user-controlled value`

	skipEnv, _ := strconv.ParseBool(os.Getenv("API_INSECURE"))
	_ = &tls.Config{InsecureSkipVerify: skipEnv} // want `user-controlled value`

	_ = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: cfg.TLSSkipVerify}} // want `user-controlled value`

	skip := false
	if *insecure {
		skip = true
	}
	_ = &tls.Config{InsecureSkipVerify: skip} // want `user-controlled value`

	c := &tls.Config{}
	if k {
		c.InsecureSkipVerify = true // want `user-controlled value`
	}

	// A helper giving a bool from an option.
	if deref(cfg.TLSSkipVerify) {
		c.InsecureSkipVerify = true // want `user-controlled value`
	}

	// Near miss: a condition the user does not control is no opt-in.
	if cfg.Retries > 3 {
		_ = &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	}

	// A condition that turns TLS on is no choice to skip verification:
	// every TLS connection made there is unverified (semaphore's LDAPS
	// login).
	if cfg.NeedTLS {
		_ = &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	}
	if cfg.UseSSL && cfg.Retries > 0 {
		_ = &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	}
	// Near misses: a mode the operator picks, a switch to ignore errors.
	if cfg.SSLMode == 3 {
		_ = &tls.Config{InsecureSkipVerify: true}
	}
	if cfg.IgnoreTLSErrors {
		_ = &tls.Config{InsecureSkipVerify: true}
	}

	// Near misses: run-time values that say nothing about the user's
	// wish to skip verification are not judged.
	_ = &tls.Config{InsecureSkipVerify: !cfg.VerifyTLS}
	_ = &tls.Config{InsecureSkipVerify: cfg.Retries > 3}
}

func deref(b bool) bool { return b }

type transportOption func(*http.Transport)

func buildClient(opts ...transportOption) *http.Client { return &http.Client{} }

// The closure is made only under the user's option: a note (memos'
// S3 driver has this shape).
func closureUnderOption(cfg clientConfig) *http.Client {
	if cfg.TLSSkipVerify {
		return buildClient(func(tr *http.Transport) {
			tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `user-controlled value`
		})
	}
	// Near miss: the same closure under no condition is hard-coded.
	return buildClient(func(tr *http.Transport) {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	})
}

type forge struct {
	SkipVerify bool
	Retries    int
}

// An early return on the user's choice decides like an if around the
// config: the insecure client is built only when the user asked
// (woodpecker's newContext).
func (f *forge) clientFor() *http.Client {
	if !f.SkipVerify {
		return http.DefaultClient
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // want `user-controlled value`
	}}}
}

// Near misses: an early return on something the user does not control,
// and one after the config, decide nothing about it.
func (f *forge) retrying() *http.Client {
	if f.Retries > 3 {
		return http.DefaultClient
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		InsecureSkipVerify: true, // want `tls.Config sets InsecureSkipVerify to true`
	}}}
}

func (f *forge) late() *tls.Config {
	c := &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	if !f.SkipVerify {
		return nil
	}
	return c
}

// A dialer made under an option named for skipping verification, in a
// closure: the option decides for the closure too (zoraxy's uptime
// monitor). Silent, as the config beside it is.
func probeWith(skipTLSVerification bool) *http.Transport {
	t := &http.Transport{}
	if skipTLSVerification {
		t.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
		t.DialTLS = func(network, addr string) (net.Conn, error) {
			return tls.Dial(network, addr, &tls.Config{InsecureSkipVerify: true})
		}
	}
	return t
}

// Near miss: the same closure made under a condition that is no opt-in.
func probeRetry(retries int) *http.Transport {
	t := &http.Transport{}
	if retries > 0 {
		t.DialTLS = func(network, addr string) (net.Conn, error) {
			return tls.Dial(network, addr, &tls.Config{InsecureSkipVerify: true}) // want `tls.Config sets InsecureSkipVerify to true`
		}
	}
	return t
}

// A switch that disables TLS verification by name (flagger's webhook
// DisableTLS, handed down as a bool parameter) is the operator's
// choice; tested negated, it means the connection is meant to be
// secure.
type webhook struct{ DisableTLS bool }

func newWebhookClient(disableTls bool) *http.Client {
	c := &http.Client{}
	if disableTls {
		c.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	}
	return c
}

func callWebhook(w webhook) *http.Client { return newWebhookClient(w.DisableTLS) }

func secureUnlessDisabled(disableTLS bool) *tls.Config {
	if !disableTLS {
		return &tls.Config{InsecureSkipVerify: true} // want `tls.Config sets InsecureSkipVerify to true`
	}
	return nil
}
