package libs

import (
	"net/http"

	"github.com/lestrrat-go/jwx/v2/jwa"
	jwxjwt "github.com/lestrrat-go/jwx/v2/jwt"
	jwa3 "github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	jwx3 "github.com/lestrrat-go/jwx/v3/jwt"
)

// --- jwx positives ---

// ParseInsecure's subject is returned as the caller's identity.
func jwxSubject(raw []byte) (string, error) {
	tok, err := jwxjwt.ParseInsecure(raw) // want `claims of a token parsed with jwt.ParseInsecure without verifying its signature are returned as the result at line 21; parse it with jwt.Parse and jwt.WithKey first`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// Parse with verification switched off.
func jwxVerifyOff(r *http.Request) bool {
	tok, err := jwx3.ParseString(r.Header.Get("Authorization"), jwx3.WithVerify(false)) // want `claims of a token parsed with jwt.ParseString with verification turned off without verifying its signature decide a condition`
	if err != nil {
		return false
	}
	var role string
	if err := tok.Get("role", &role); err != nil || role != "admin" {
		return false
	}
	return true
}

// Validation (exp, nbf) switched off.
func jwxNoValidate(raw []byte, key []byte) (jwxjwt.Token, error) {
	return jwxjwt.Parse(raw, jwxjwt.WithKey(jwa.HS256, key), jwxjwt.WithValidate(false)) // want `jwt.WithValidate\(false\) turns off the exp and nbf checks`
}

// --- jwx near misses ---

// Verified with a pinned key and validated by default: silent.
func jwxVerified(raw []byte, key []byte) (string, error) {
	tok, err := jwxjwt.Parse(raw, jwxjwt.WithKey(jwa.HS256, key))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// Verified against a key set; validation explicitly on: silent.
func jwxKeySet(raw []byte, set jwk.Set) (string, error) {
	tok, err := jwx3.Parse(raw, jwx3.WithKeySet(set), jwx3.WithValidate(true))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// An insecure parse to read the issuer, then a verified parse: silent.
func jwxRouting(raw []byte, keys map[string][]byte) (string, error) {
	peek, err := jwx3.ParseInsecure(raw)
	if err != nil {
		return "", err
	}
	key := keys[peek.Issuer()]
	tok, err := jwx3.Parse(raw, jwx3.WithKey(jwa3.HS256(), key))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// Verification turned on explicitly: silent.
func jwxVerifyOn(raw string, key []byte) (string, error) {
	tok, err := jwx3.ParseString(raw, jwx3.WithVerify(true), jwx3.WithKey(jwa3.HS256(), key))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}
