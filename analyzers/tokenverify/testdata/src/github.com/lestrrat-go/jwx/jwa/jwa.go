// Package jwa is a stub of lestrrat-go/jwx v1 jwa (v1.2.x), with the
// real signatures of what the fixtures use.
package jwa

type SignatureAlgorithm string

func (s SignatureAlgorithm) String() string { return string(s) }

const (
	HS256 SignatureAlgorithm = "HS256"
	RS256 SignatureAlgorithm = "RS256"
)
