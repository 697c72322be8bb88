package tlscheck

import (
	"crypto/tls"
	"flag"
)

// Suites crypto/tls lists as insecure, by constant value.
var mainframe = &tls.Config{
	MinVersion: tls.VersionTLS12,
	CipherSuites: []uint16{
		tls.TLS_RSA_WITH_RC4_128_SHA, // want `tls.Config CipherSuites enables TLS_RSA_WITH_RC4_128_SHA, TLS_RSA_WITH_3DES_EDE_CBC_SHA, which the standard library lists as insecure`
		tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
	},
}

// A raw ID is the same suite (0xc011 is TLS_ECDHE_RSA_WITH_RC4_128_SHA).
var rawID = &tls.Config{CipherSuites: []uint16{0xc011}} // want `enables TLS_ECDHE_RSA_WITH_RC4_128_SHA`

// Secure suites mixed with one insecure suite.
var mixed = &tls.Config{CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256}} // want `enables TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256`

// Near miss: secure suites only.
var modern = &tls.Config{CipherSuites: []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256}}

// Near miss: TLS 1.3 only, where CipherSuites is not used.
var only13 = &tls.Config{MinVersion: tls.VersionTLS13, CipherSuites: []uint16{tls.TLS_RSA_WITH_RC4_128_SHA}}

var legacyCiphers = flag.Bool("legacy-ciphers", false, "allow RC4 for the old mainframe")

// Near miss: the user asked for the legacy suites.
func legacy() *tls.Config {
	c := &tls.Config{}
	if *legacyCiphers {
		c = &tls.Config{CipherSuites: []uint16{tls.TLS_RSA_WITH_RC4_128_SHA}}
	}
	return c
}

// Near miss: no suites listed, Go's defaults.
var defaults = &tls.Config{MinVersion: tls.VersionTLS12}

// Suites assigned to the field, or held in a variable.

// Reported: the field assigned after the literal.
func assigned() *tls.Config {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	cfg.CipherSuites = []uint16{tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA} // want `enables TLS_RSA_WITH_3DES_EDE_CBC_SHA`
	return cfg
}

// Reported: a local slice given to the literal.
func heldLocal() *tls.Config {
	suites := []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}
	suites = append(suites, tls.TLS_ECDHE_RSA_WITH_RC4_128_SHA) // want `enables TLS_ECDHE_RSA_WITH_RC4_128_SHA`
	return &tls.Config{CipherSuites: suites}
}

var oldSuites = []uint16{tls.TLS_RSA_WITH_AES_128_CBC_SHA256} // want `enables TLS_RSA_WITH_AES_128_CBC_SHA256`

// Reported: a package slice given to the literal.
var fromPackage = &tls.Config{CipherSuites: oldSuites}

// Reported: an insecure suite appended to the field.
func appended(cfg *tls.Config) {
	cfg.CipherSuites = append(cfg.CipherSuites, tls.TLS_RSA_WITH_RC4_128_SHA) // want `enables TLS_RSA_WITH_RC4_128_SHA`
}

// Near miss: the field assigned secure suites.
func assignedModern() *tls.Config {
	cfg := &tls.Config{}
	cfg.CipherSuites = []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}
	return cfg
}

// Near miss: a local slice of secure suites.
func heldModern() *tls.Config {
	suites := []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384}
	return &tls.Config{CipherSuites: suites}
}

// Near miss: the slice is replaced by what a function returns, which
// cannot be listed.
func heldUnknown(pick func() []uint16) *tls.Config {
	suites := []uint16{tls.TLS_RSA_WITH_RC4_128_SHA}
	suites = pick()
	return &tls.Config{CipherSuites: suites}
}

// Near miss: the user asked for the legacy suites, assigned to the field.
func assignedLegacy() *tls.Config {
	cfg := &tls.Config{}
	if *legacyCiphers {
		cfg.CipherSuites = []uint16{tls.TLS_RSA_WITH_RC4_128_SHA}
	}
	return cfg
}
