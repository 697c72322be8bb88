// Package freshcaller: a helper that parses and verifies a token with
// jwx v1 (which checks exp only when asked) and returns it leaves the
// expiry to its callers. When every caller compares the token's
// Expiration() with the clock, directly or through a helper of the
// package that does (go-oidc-middleware's isTokenExpirationValid), the
// expiry is checked. A caller that hands the expiry to a helper that
// does not compare it with the clock, or checks nothing, leaves the
// parse reported.
package freshcaller

import (
	"errors"
	"time"

	jwa1 "github.com/lestrrat-go/jwx/jwa"
	jwt1 "github.com/lestrrat-go/jwx/jwt"
)

func parseVerified(raw string, key interface{}) (jwt1.Token, error) {
	tok, err := jwt1.ParseString(raw, jwt1.WithVerify(jwa1.RS256, key))
	if err != nil {
		return nil, err
	}
	return tok, nil
}

func expiryValid(exp time.Time, drift time.Duration) bool {
	withDrift := exp.Round(0).Add(drift)
	return withDrift.After(time.Now())
}

func subject(raw string, key interface{}) (string, error) {
	tok, err := parseVerified(raw, key)
	if err != nil {
		return "", err
	}
	if !expiryValid(tok.Expiration(), time.Minute) {
		return "", errors.New("token has expired")
	}
	return tok.Subject(), nil
}

// Near misses.

func parseUnchecked(raw string, key interface{}) (jwt1.Token, error) {
	return jwt1.ParseString(raw, jwt1.WithVerify(jwa1.RS256, key)) // want `checks exp and nbf only when given jwt.WithValidate\(true\)`
}

func hasExpiry(exp time.Time) bool { return !exp.IsZero() }

func subjectUnchecked(raw string, key interface{}) (string, error) {
	tok, err := parseUnchecked(raw, key)
	if err != nil {
		return "", err
	}
	if !hasExpiry(tok.Expiration()) {
		return "", errors.New("no expiry")
	}
	return tok.Subject(), nil
}

var _, _ = subject, subjectUnchecked
