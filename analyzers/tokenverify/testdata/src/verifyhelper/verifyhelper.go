// Package verifyhelper parses tokens with cristalhq's ParseNoVerify and
// verifies them afterwards in a helper of the package: the parsed token
// handed to a function that hands it to a Verifier (directly or a few
// calls down), or the raw token, converted to []byte for the parse,
// handed to a verify function. A helper that only reads the token, or
// that verifies something else, verifies nothing.
package verifyhelper

import (
	"errors"

	"github.com/cristalhq/jwt/v5"
)

type claims struct {
	Subject string `json:"sub"`
	Admin   bool   `json:"admin"`
	Channel string `json:"channel"`
}

type algorithms struct {
	HS256 jwt.Verifier
	RS256 jwt.Verifier
}

func (a *algorithms) verify(token *jwt.Token, rsa bool) error {
	var v jwt.Verifier = a.HS256
	if rsa {
		v = a.RS256
	}
	if v == nil {
		return errors.New("disabled algorithm")
	}
	return v.Verify(token)
}

type verifier struct {
	algs     *algorithms
	previous *algorithms
	rsa      bool
}

func (v *verifier) verifySignature(token *jwt.Token) error {
	err := v.algs.verify(token, v.rsa)
	if err != nil && v.previous != nil {
		if v.previous.verify(token, v.rsa) == nil {
			return nil
		}
	}
	return err
}

// Near miss: the token is verified by a method two calls down, under
// an explicit skip switch, before its claims decide.
func (v *verifier) VerifyConnect(t string, skipVerify bool) (string, error) {
	token, err := jwt.ParseNoVerify([]byte(t)) // Will be verified later.
	if err != nil {
		return "", err
	}
	var c claims
	if err := token.DecodeClaims(&c); err != nil {
		return "", err
	}
	if !skipVerify {
		if err := v.verifySignature(token); err != nil {
			return "", err
		}
	}
	if c.Channel != "" {
		return "", errors.New("connection token with a channel")
	}
	return c.Subject, nil
}

// Near miss: a helper function given a verifier and the token verifies
// it directly.
func check(vr jwt.Verifier, token *jwt.Token) error {
	return vr.Verify(token)
}

func Admin(vr jwt.Verifier, raw []byte) (bool, error) {
	token, err := jwt.ParseNoVerify(raw)
	if err != nil {
		return false, err
	}
	if err := check(vr, token); err != nil {
		return false, err
	}
	var c claims
	if err := token.DecodeClaims(&c); err != nil {
		return false, err
	}
	return c.Admin, nil
}

func verifySub(key []byte, t string) (string, error) {
	vr, err := jwt.NewVerifierHS(jwt.HS256, key)
	if err != nil {
		return "", err
	}
	tok, err := jwt.ParseString(t, vr)
	if err != nil {
		return "", err
	}
	var c claims
	err = tok.DecodeClaims(&c)
	return c.Subject, err
}

// Near miss: the raw string, converted to []byte for the parse, is
// handed to a verify function; the claims are returned after it.
func parseAndVerify(key []byte, t string) ([]byte, error) {
	token, err := jwt.ParseNoVerify([]byte(t)) // Will be verified later.
	if err != nil {
		return nil, err
	}
	if _, err := verifySub(key, t); err != nil {
		return nil, err
	}
	return token.Claims(), nil
}

type hsOnly struct{ hs jwt.Verifier }

func (h *hsOnly) checkSig(token *jwt.Token) error {
	return h.hs.Verify(token)
}

// Near miss: a method whose receiver holds the verifier verifies the
// token it is given; the claims are returned after it.
func (h *hsOnly) Subject(raw string) (string, error) {
	token, err := jwt.ParseNoVerifyString(raw)
	if err != nil {
		return "", err
	}
	if err := h.checkSig(token); err != nil {
		return "", err
	}
	var c claims
	if err := token.DecodeClaims(&c); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// --- positives ---

func describe(token *jwt.Token) string {
	return string(token.Bytes())
}

// Positive: the helper given the token only reads it.
func (v *verifier) readOnly(t string) (bool, error) {
	token, err := jwt.ParseNoVerify([]byte(t)) // want `claims of a token parsed with jwt.ParseNoVerify without verifying its signature decide a condition`
	if err != nil {
		return false, err
	}
	_ = describe(token)
	var c claims
	if err := token.DecodeClaims(&c); err != nil {
		return false, err
	}
	if c.Admin {
		return true, nil
	}
	return false, nil
}

// verifyFresh is named like a verification but only reads the claims.
func verifyFresh(token *jwt.Token) error {
	var c claims
	return token.DecodeClaims(&c)
}

// Positive: a helper named verify* given the parsed token, that
// verifies no signature.
func namedOnly(raw []byte) (string, error) {
	token, err := jwt.ParseNoVerify(raw) // want `claims of a token parsed with jwt.ParseNoVerify without verifying its signature are returned as the result`
	if err != nil {
		return "", err
	}
	if err := verifyFresh(token); err != nil {
		return "", err
	}
	var c claims
	if err := token.DecodeClaims(&c); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// Positive: the raw string handed to the verify function is another
// token, not the one parsed.
func otherToken(key []byte, t, other string) ([]byte, error) {
	token, err := jwt.ParseNoVerify([]byte(t)) // want `claims of a token parsed with jwt.ParseNoVerify without verifying its signature are returned as the result`
	if err != nil {
		return nil, err
	}
	if _, err := verifySub(key, other); err != nil {
		return nil, err
	}
	return token.Claims(), nil
}

func verifyOther(vr jwt.Verifier, token, other *jwt.Token) error {
	_ = token.Bytes()
	return vr.Verify(other)
}

// Positive: the helper verifies its other parameter, not the token.
func wrongParam(vr jwt.Verifier, raw []byte, session *jwt.Token) (bool, error) {
	token, err := jwt.ParseNoVerify(raw) // want `claims of a token parsed with jwt.ParseNoVerify without verifying its signature decide a condition`
	if err != nil {
		return false, err
	}
	if err := verifyOther(vr, token, session); err != nil {
		return false, err
	}
	var c claims
	_ = token.DecodeClaims(&c)
	if c.Admin {
		return true, nil
	}
	return false, nil
}
