// Package jwt is a stub of lestrrat-go/jwx v2 jwt, with the real
// signatures of what the fixtures use.
package jwt

import (
	"time"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
)

type Token interface {
	Subject() string
	Issuer() string
	Expiration() time.Time
	IssuedAt() time.Time
	PrivateClaims() map[string]interface{}
	Get(string) (interface{}, bool)
}

type Option interface{ Ident() interface{} }

type ParseOption interface {
	Option
	parseOption()
}

type SignOption interface {
	Option
	signOption()
}

type SignEncryptParseOption interface {
	ParseOption
	SignOption
}

func Parse(s []byte, options ...ParseOption) (Token, error)         { return nil, nil }
func ParseString(s string, options ...ParseOption) (Token, error)   { return nil, nil }
func ParseInsecure(s []byte, options ...ParseOption) (Token, error) { return nil, nil }
func Sign(t Token, options ...SignOption) ([]byte, error)           { return nil, nil }
func WithVerify(v bool) ParseOption                                 { return nil }
func WithValidate(v bool) ParseOption                               { return nil }
func WithKeySet(set jwk.Set, options ...interface{}) ParseOption    { return nil }
func WithAcceptableSkew(v time.Duration) ParseOption                { return nil }

func WithKey(alg jwa.KeyAlgorithm, key interface{}, suboptions ...Option) SignEncryptParseOption {
	return nil
}

type ValidateOption interface {
	ParseOption
	validateOption()
}

func Validate(t Token, options ...ValidateOption) error { return nil }
func WithIssuer(s string) ValidateOption                { return nil }
func WithAudience(s string) ValidateOption              { return nil }
