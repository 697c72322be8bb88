// Package claimhelper turns the library's claim validation off and
// reads exp through a helper of its own (claimInt64(claims, "exp")),
// then compares it with the current time: the expiry is checked by
// hand. Reading exp through the helper without comparing it with the
// clock is no check.
package claimhelper

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const skew = 30 * time.Second

func claimInt64(claims jwt.MapClaims, name string) (int64, bool) {
	f, ok := claims[name].(float64)
	return int64(f), ok
}

// Near miss: exp read by the helper and compared with time.Now.
func verifyAssertion(raw string, kf jwt.Keyfunc) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	if _, err := jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}), jwt.WithoutClaimsValidation()).ParseWithClaims(raw, claims, kf); err != nil {
		return nil, err
	}
	now := time.Now()
	exp, ok := claimInt64(claims, "exp")
	if !ok || now.Unix() > exp+int64(skew.Seconds()) {
		return nil, errors.New("expired")
	}
	return claims, nil
}

// Near miss: iat read by the helper, compared through time.Since.
func verifyProof(raw string, kf jwt.Keyfunc) error {
	claims := jwt.MapClaims{}
	if _, err := jwt.NewParser(jwt.WithValidMethods([]string{"ES256"}), jwt.WithoutClaimsValidation()).ParseWithClaims(raw, claims, kf); err != nil {
		return err
	}
	iat, _ := claimInt64(claims, "iat")
	if time.Since(time.Unix(iat, 0)) > time.Minute {
		return errors.New("stale")
	}
	return nil
}

// Positive: exp read by the helper only to be present.
func verifyPresent(raw string, kf jwt.Keyfunc) error {
	claims := jwt.MapClaims{}
	if _, err := jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}), jwt.WithoutClaimsValidation()).ParseWithClaims(raw, claims, kf); err != nil { // want `jwt.WithoutClaimsValidation turns off the exp and nbf checks`
		return err
	}
	if _, ok := claimInt64(claims, "exp"); !ok {
		return errors.New("no exp")
	}
	return nil
}

// Positive: another claim read by the helper compared with the clock's
// year (no exp or iat).
func verifyOther(raw string, kf jwt.Keyfunc) error {
	claims := jwt.MapClaims{}
	if _, err := jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}), jwt.WithoutClaimsValidation()).ParseWithClaims(raw, claims, kf); err != nil { // want `jwt.WithoutClaimsValidation turns off the exp and nbf checks`
		return err
	}
	v, _ := claimInt64(claims, "ver")
	if v > int64(time.Now().Year()) {
		return errors.New("bad version")
	}
	return nil
}
