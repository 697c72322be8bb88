// Package parserlit: a golang-jwt v4 jwt.Parser literal with
// SkipClaimsValidation turns nothing off when the parser is only used
// for ParseUnverified (which never validates claims); used for Parse,
// or let escape, it accepts expired tokens.
package parserlit

import (
	"errors"

	"github.com/golang-jwt/jwt/v4"
)

// Near miss: an ID token received from the token endpoint, read
// unverified through a local parser (portainer's getIdToken).
func idTokenClaims(raw string) (jwt.MapClaims, error) {
	p := jwt.Parser{
		SkipClaimsValidation: true, // silent: only ParseUnverified below
	}
	claims := jwt.MapClaims{}
	if _, _, err := p.ParseUnverified(raw, claims); err != nil { // want `claims of a token parsed with \(\*jwt.Parser\).ParseUnverified`
		return nil, err
	}
	return claims, nil
}

// Near miss: the same inline.
func peek(raw string) (*jwt.Token, error) {
	// silent for no-expiry: inline ParseUnverified (the unverified rule speaks for the claims)
	t, _, err := (&jwt.Parser{SkipClaimsValidation: true}).ParseUnverified(raw, jwt.MapClaims{}) // want `claims of a token parsed with`
	return t, err
}

// Near miss: a var declaration.
func peekVar(raw string) (*jwt.Token, error) {
	var p = &jwt.Parser{SkipClaimsValidation: true}      // silent: only ParseUnverified
	t, _, err := p.ParseUnverified(raw, jwt.MapClaims{}) // want `claims of a token parsed with`
	return t, err
}

// Positive: the same literal, used for Parse as well.
func parseBoth(raw string, key []byte) (*jwt.Token, error) {
	p := jwt.Parser{SkipClaimsValidation: true} // want `SkipClaimsValidation turns off the exp and nbf checks`
	if _, _, err := p.ParseUnverified(raw, jwt.MapClaims{}); err != nil {
		return nil, err
	}
	return p.Parse(raw, keyFunc(key))
}

// Positive: a parser that escapes.
func newParser() *jwt.Parser {
	return &jwt.Parser{SkipClaimsValidation: true} // want `SkipClaimsValidation turns off the exp and nbf checks`
}

// Positive: used for Parse only.
func parse(raw string, key []byte) (*jwt.Token, error) {
	p := &jwt.Parser{SkipClaimsValidation: true} // want `SkipClaimsValidation turns off the exp and nbf checks`
	return p.Parse(raw, keyFunc(key))
}

func keyFunc(key []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("unexpected alg")
		}
		return key, nil
	}
}
