// Package accjwt is a stub of a signed-claims library scopecheck does
// not know (nats-io/jwt's shape): its decoders verify the issuer's
// signature.
package accjwt

type AccountClaims struct {
	Subject string
	Name    string
}

func DecodeAccountClaims(token string) (*AccountClaims, error) { return nil, nil }
