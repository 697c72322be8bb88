// Package clientexp: a client decoding a token it was handed (by an
// upstream token endpoint) without verifying it, only to read when the
// token expires, checks the expiry itself: reading exp (jwx
// Expiration(), go-jose Claims.Expiry) is a freshness read, not an
// identity decision, and comparing it with the current time is a
// hand-written expiry check. A parser whose exp check is off but that
// only ever parses unverified (golang-jwt ParseUnverified, which never
// validates claims) turns nothing off. Beside each, the same shape
// deciding on an identity claim or never comparing exp with the clock.
package clientexp

import (
	"errors"
	"time"

	josejwt "github.com/go-jose/go-jose/v3/jwt"
	"github.com/golang-jwt/jwt/v5"
	jwx "github.com/lestrrat-go/jwx/v2/jwt"
)

// --- near misses ---

// cacheTTL reads exp to decide how long to cache the token it fetched,
// and refuses one that has expired.
func cacheTTL(raw string) (time.Duration, error) {
	tok, err := jwx.ParseString(raw, jwx.WithVerify(false), jwx.WithValidate(false)) // silent: exp compared with the clock below
	if err != nil {
		return 0, err
	}
	exp := tok.Expiration()
	if exp.IsZero() {
		return 0, errors.New("no expiry")
	}
	ttl := time.Until(exp) - time.Minute
	if ttl <= 0 {
		return 0, errors.New("expired")
	}
	return ttl, nil
}

// joseExpiry: go-jose, the Expiry claim read and compared with now.
func joseExpiry(raw string) (bool, error) {
	tok, err := josejwt.ParseSigned(raw)
	if err != nil {
		return false, err
	}
	var c josejwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil { // silent: only the expiry decides
		return false, err
	}
	if c.Expiry == nil {
		return false, errors.New("no expiry")
	}
	return c.Expiry.Time().Before(time.Now()), nil
}

// isOwnToken peeks at the issuer of an unverified token to route it;
// the parser's claims validation is off, but ParseUnverified never
// validates claims anyway.
func isOwnToken(value, issuer string) (bool, error) {
	token, _, err := jwt.NewParser(jwt.WithoutClaimsValidation()).ParseUnverified(value, &jwt.RegisteredClaims{}) // silent: a parser that only parses unverified
	if err != nil {
		return false, err
	}
	rc, _ := token.Claims.(*jwt.RegisteredClaims)
	return rc.Issuer == issuer, nil
}

// peekParser: the same through a variable used only for ParseUnverified.
func peekParser(value, issuer string) (bool, error) {
	p := jwt.NewParser(jwt.WithoutClaimsValidation()) // silent: only ParseUnverified below
	token, _, err := p.ParseUnverified(value, &jwt.RegisteredClaims{})
	if err != nil {
		return false, err
	}
	rc, _ := token.Claims.(*jwt.RegisteredClaims)
	return rc.Issuer == issuer, nil
}

// --- positives ---

// subjectOf decides on the subject of an unverified token.
func subjectOf(raw string) (bool, error) {
	tok, err := jwx.ParseString(raw, jwx.WithVerify(false), jwx.WithValidate(false)) // want `claims of a token parsed with jwt.ParseString with verification turned off`
	if err != nil {
		return false, err
	}
	if tok.Subject() == "admin" {
		return true, nil
	}
	return false, nil
}

// expiryNotCompared reads exp but never compares it with the clock: the
// signature check is off too, so this is a decode whose claims are
// trusted for nothing (peekexpiry); the unverified rule judges their
// use, and an expiry check would guard nothing.
func expiryNotCompared(raw string) (time.Time, error) {
	tok, err := jwx.ParseString(raw, jwx.WithVerify(false), jwx.WithValidate(false)) // silent: a peek
	if err != nil {
		return time.Time{}, err
	}
	return tok.Expiration(), nil
}

// verifiedNoExp: a verifying parse with claims validation off.
func verifiedNoExp(value string, kf jwt.Keyfunc) (*jwt.Token, error) {
	return jwt.NewParser(jwt.WithoutClaimsValidation()).Parse(value, kf) // want `jwt.WithoutClaimsValidation turns off the exp and nbf checks`
}

// mixedParser: a parser used for ParseUnverified and for Parse.
func mixedParser(value string, kf jwt.Keyfunc) (*jwt.Token, error) {
	p := jwt.NewParser(jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation turns off the exp and nbf checks`
	if _, _, err := p.ParseUnverified(value, &jwt.RegisteredClaims{}); err != nil {
		return nil, err
	}
	return p.Parse(value, kf)
}
