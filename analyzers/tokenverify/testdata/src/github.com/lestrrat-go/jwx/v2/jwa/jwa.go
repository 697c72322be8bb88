// Package jwa is a stub of lestrrat-go/jwx v2 jwa, with the real
// signatures of what the fixtures use.
package jwa

type KeyAlgorithm interface{ String() string }

type SignatureAlgorithm string

func (s SignatureAlgorithm) String() string { return string(s) }

const HS256 SignatureAlgorithm = "HS256"
const RS256 SignatureAlgorithm = "RS256"
