// Package jwt is a stub of github.com/golang-jwt/jwt/v5 for tests.
package jwt

import "time"

type Claims interface{}

type MapClaims map[string]interface{}

type NumericDate struct{ time.Time }

type ClaimStrings []string

type RegisteredClaims struct {
	Issuer    string
	Subject   string
	Audience  ClaimStrings
	ExpiresAt *NumericDate
	ID        string
}

type SigningMethod interface{ Alg() string }

type SigningMethodHMAC struct{}

func (*SigningMethodHMAC) Alg() string { return "HS256" }

var SigningMethodHS256 = &SigningMethodHMAC{}

type Token struct {
	Raw    string
	Method SigningMethod
	Header map[string]interface{}
	Claims Claims
	Valid  bool
}

type Keyfunc func(*Token) (interface{}, error)

type ParserOption func(*Parser)

type Parser struct{}

func NewParser(opts ...ParserOption) *Parser { return &Parser{} }

func WithAudience(aud string) ParserOption { return nil }

func WithValidMethods(methods []string) ParserOption { return nil }

func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}

func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, nil
}

func (p *Parser) Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

func (p *Parser) ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

func NewWithClaims(method SigningMethod, claims Claims) *Token { return nil }

func (t *Token) SignedString(key interface{}) (string, error) { return "", nil }
