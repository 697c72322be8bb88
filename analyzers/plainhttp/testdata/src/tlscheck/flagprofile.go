package tlscheck

import "crypto/tls"

// Near miss: a bool parameter picks the legacy profile, and the path
// after the if sets TLS 1.2 (glauth's MakeTLS, given the operator's
// LegacyTLS setting by a caller in another package).
func MakeTLS(legacy bool) *tls.Config {
	if legacy {
		return &tls.Config{MinVersion: tls.VersionTLS10}
	}
	return &tls.Config{MinVersion: tls.VersionTLS12}
}

// Near miss: the same choice with an else branch, on the negated flag.
func ServerTLS(modern bool) *tls.Config {
	c := &tls.Config{}
	if !modern {
		c.MinVersion = tls.VersionTLS11
	} else {
		c.MinVersion = tls.VersionTLS13
	}
	return c
}

// Near miss: the weak profile in the else branch.
func ClientTLS(strict bool) *tls.Config {
	if strict {
		return &tls.Config{MinVersion: tls.VersionTLS12}
	} else {
		return &tls.Config{MinVersion: tls.VersionTLS10}
	}
}

// No stronger profile on the other path: Go's default is no choice
// this function offers.
func onlyWeak(legacy bool) *tls.Config {
	if legacy {
		return &tls.Config{MinVersion: tls.VersionTLS10} // want `MinVersion is TLS 1.0`
	}
	return &tls.Config{}
}

// The package itself passes true: its own choice.
func ownChoice(legacy bool) *tls.Config {
	if legacy {
		return &tls.Config{MinVersion: tls.VersionTLS11} // want `MinVersion is TLS 1.1`
	}
	return &tls.Config{MinVersion: tls.VersionTLS12}
}

func dialOwn() *tls.Config { return ownChoice(true) }

// A condition that is not a parameter: the function decides.
func byCount(n int) *tls.Config {
	if n > 3 {
		return &tls.Config{MinVersion: tls.VersionTLS10} // want `MinVersion is TLS 1.0`
	}
	return &tls.Config{MinVersion: tls.VersionTLS12}
}

type versionOpts struct {
	MinVersion string
	MaxVersion string
}

// Near miss: an if/else-if chain maps the operator's version string to
// a constant, 1.0 through 1.3 (nightingale's tlsx): a table of the
// versions to pick from, like a switch on the same value.
func (o versionOpts) apply(c *tls.Config) {
	if o.MinVersion == "1.0" {
		c.MinVersion = tls.VersionTLS10
	} else if o.MinVersion == "1.1" {
		c.MinVersion = tls.VersionTLS11
	} else if o.MinVersion == "1.2" {
		c.MinVersion = tls.VersionTLS12
	} else if o.MinVersion == "1.3" {
		c.MinVersion = tls.VersionTLS13
	}
	if o.MaxVersion == "1.1" {
		c.MaxVersion = tls.VersionTLS11
	} else {
		c.MaxVersion = tls.VersionTLS13
	}
}

// The chain offers nothing stronger, or compares another value in the
// stronger link: the weak version is the code's.
func (o versionOpts) weakOnly(c *tls.Config) {
	if o.MinVersion == "legacy" {
		c.MinVersion = tls.VersionTLS10 // want `MinVersion is TLS 1.0`
	} else if o.MinVersion == "older" {
		c.MinVersion = tls.VersionTLS11 // want `MinVersion is TLS 1.1`
	}
	if o.MinVersion == "1.0" {
		c.MaxVersion = tls.VersionTLS11 // want `MaxVersion is TLS 1.1`
	} else if o.MaxVersion == "1.3" {
		c.MaxVersion = tls.VersionTLS13
	}
}
