// Package jwt is a stub of lestrrat-go/jwx v1 jwt (v1.2.x), with the
// real signatures of what the fixtures use. In v1, Parse verifies only
// when given WithVerify or WithKeySet, and validates the claims only
// with WithValidate(true) or a separate Validate call.
package jwt

import (
	"net/http"
	"time"

	"github.com/lestrrat-go/jwx/jwa"
	"github.com/lestrrat-go/jwx/jwk"
)

type Token interface {
	Subject() string
	Issuer() string
	Expiration() time.Time
	PrivateClaims() map[string]interface{}
	Get(string) (interface{}, bool)
}

type Option interface{ Name() string }

type ParseOption interface {
	Option
	parseOption()
}

type ValidateOption interface {
	ParseOption
	validateOption()
}

func Parse(s []byte, options ...ParseOption) (Token, error)                 { return nil, nil }
func ParseString(s string, options ...ParseOption) (Token, error)           { return nil, nil }
func ParseRequest(req *http.Request, options ...ParseOption) (Token, error) { return nil, nil }
func WithVerify(alg jwa.SignatureAlgorithm, key interface{}) ParseOption    { return nil }
func WithKeySet(set jwk.Set) ParseOption                                    { return nil }
func WithValidate(b bool) ParseOption                                       { return nil }
func Validate(t Token, options ...ValidateOption) error                     { return nil }
func WithIssuer(s string) ValidateOption                                    { return nil }
func WithAcceptableSkew(dur time.Duration) ValidateOption                   { return nil }
