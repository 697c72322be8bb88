package alg

import (
	"errors"

	"github.com/golang-jwt/jwt/v5"
)

// The signing method checked on the parse's result, after the parse,
// before the claims are used: like a check in the key function.

func afterAssert(raw string) (*jwt.RegisteredClaims, error) {
	claims := &jwt.RegisteredClaims{}
	parsed, err := jwt.ParseWithClaims(raw, claims, func(_ *jwt.Token) (any, error) { // silent: parsed.Method asserted below
		return secret, nil
	})
	if err != nil || !parsed.Valid {
		return nil, errors.New("invalid")
	}
	if _, ok := parsed.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, errors.New("unexpected signing method")
	}
	return claims, nil
}

func afterAlg(raw string) (*jwt.Token, error) {
	tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { // silent: Method.Alg() compared below
		return secret, nil
	})
	if err != nil {
		return nil, err
	}
	if tok.Method.Alg() != jwt.SigningMethodHS256.Alg() {
		return nil, errors.New("bad alg")
	}
	return tok, nil
}

func afterHeader(raw string) (*jwt.Token, error) {
	tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { // silent: Header["alg"] switched on below
		return secret, nil
	})
	if err != nil {
		return nil, err
	}
	switch tok.Header["alg"] {
	case "HS256", "HS512":
		return tok, nil
	}
	return nil, errors.New("bad alg")
}

// --- near misses: still reported ---

func afterOtherToken(raw string, o *jwt.Token) (*jwt.Token, error) {
	tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { // want `key function passed to jwt.Parse returns an HMAC`
		return secret, nil
	})
	if err != nil {
		return nil, err
	}
	if o.Method.Alg() != "HS256" { // the method of another token
		return nil, errors.New("bad alg")
	}
	return tok, nil
}

func afterPrinted(raw string) (string, error) {
	tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { // want `key function passed to jwt.Parse returns an HMAC`
		return secret, nil
	})
	if err != nil {
		return "", err
	}
	return tok.Method.Alg(), nil // read, not checked
}

func afterDiscarded(raw string) error {
	_, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { // want `key function passed to jwt.Parse returns an HMAC`
		return secret, nil
	})
	return err
}

func afterInOtherFunc(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(*jwt.Token) (any, error) { // want `key function passed to jwt.Parse returns an HMAC`
		return secret, nil
	})
}

func methodOf(t *jwt.Token) bool { return t.Method.Alg() == "HS256" }
