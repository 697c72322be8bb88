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
