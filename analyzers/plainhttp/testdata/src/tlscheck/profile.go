package tlscheck

import "crypto/tls"

// Near miss: a function offering named profiles (Mozilla's modern,
// intermediate and old); the caller picks one at run time, and the
// other cases set TLS 1.2 or later.
func ProfileConfig(profile string) *tls.Config {
	c := &tls.Config{}
	switch profile {
	case "modern":
		c = &tls.Config{MinVersion: tls.VersionTLS13}
	case "intermediate":
		c = &tls.Config{MinVersion: tls.VersionTLS12}
	case "old":
		c = &tls.Config{MinVersion: tls.VersionTLS10}
	}
	return c
}

// Near miss: the same choice written as assignments to the field.
func profileAssign(level string) *tls.Config {
	c := &tls.Config{}
	switch level {
	case "legacy":
		c.MinVersion = tls.VersionTLS11
	default:
		c.MinVersion = tls.VersionTLS12
	}
	return c
}

func useProfileAssign(level string) *tls.Config { return profileAssign(level) }

// The package itself always asks for the weak arm: its own choice.
func kindConfig(kind string) *tls.Config {
	switch kind {
	case "client":
		return &tls.Config{MinVersion: tls.VersionTLS10} // want `MinVersion is TLS 1.0`
	default:
		return &tls.Config{MinVersion: tls.VersionTLS12}
	}
}

func dialLegacy() *tls.Config { return kindConfig("client") }

// Every case is weak: no stronger profile is offered.
func allWeak(profile string) *tls.Config {
	switch profile {
	case "a":
		return &tls.Config{MinVersion: tls.VersionTLS10} // want `MinVersion is TLS 1.0`
	default:
		return &tls.Config{MinVersion: tls.VersionTLS11} // want `MinVersion is TLS 1.1`
	}
}

// A stronger MaxVersion elsewhere says nothing about MinVersion.
func otherField(profile string) *tls.Config {
	switch profile {
	case "old":
		return &tls.Config{MinVersion: tls.VersionTLS10} // want `MinVersion is TLS 1.0`
	default:
		return &tls.Config{MaxVersion: tls.VersionTLS13}
	}
}

// A switch on a constant is no choice.
const mode = "old"

func constSwitch() *tls.Config {
	switch mode {
	case "old":
		return &tls.Config{MinVersion: tls.VersionTLS10} // want `MinVersion is TLS 1.0`
	default:
		return &tls.Config{MinVersion: tls.VersionTLS12}
	}
}
