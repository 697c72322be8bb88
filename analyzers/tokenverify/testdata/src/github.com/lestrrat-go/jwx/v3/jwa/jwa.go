// Package jwa is a stub of lestrrat-go/jwx v3 jwa, with the real
// signatures of what the fixtures use.
package jwa

type KeyAlgorithm interface{ String() string }

type SignatureAlgorithm string

func (s SignatureAlgorithm) String() string { return string(s) }

func HS256() SignatureAlgorithm { return "HS256" }
func RS256() SignatureAlgorithm { return "RS256" }
