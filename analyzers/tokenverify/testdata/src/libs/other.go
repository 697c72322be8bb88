package libs

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	cristal "github.com/cristalhq/jwt/v5"
	kitjwt "github.com/go-kit/kit/auth/jwt"
	gjwt "github.com/golang-jwt/jwt/v4"
	"github.com/kataras/jwt"
)

type userClaims struct {
	Subject string `json:"sub"`
	Admin   bool   `json:"admin"`
}

// --- cristalhq and kataras positives ---

// cristalhq: ParseNoVerify, then the claims decide.
func cristalAdmin(raw []byte) bool {
	tok, err := cristal.ParseNoVerify(raw) // want `claims of a token parsed with jwt.ParseNoVerify without verifying its signature decide a condition`
	if err != nil {
		return false
	}
	var c userClaims
	if err := tok.DecodeClaims(&c); err != nil {
		return false
	}
	if c.Admin {
		return true
	}
	return false
}

// kataras: Decode, then the payload becomes the request identity.
func katarasMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, err := jwt.Decode([]byte(r.Header.Get("Authorization"))) // want `claims of a token parsed with jwt.Decode without verifying its signature set the request identity at line 47; verify it with jwt.Verify first`
		if err != nil {
			return
		}
		var c userClaims
		_ = json.Unmarshal(u.Payload, &c)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c.Subject)))
	})
}

// --- cristalhq, kataras and go-kit near misses ---

// cristalhq: Parse with a verifier: silent.
func cristalVerified(raw []byte, key []byte) (bool, error) {
	v, err := cristal.NewVerifierHS(cristal.HS256, key)
	if err != nil {
		return false, err
	}
	tok, err := cristal.Parse(raw, v)
	if err != nil {
		return false, err
	}
	var c userClaims
	if err := tok.DecodeClaims(&c); err != nil {
		return false, err
	}
	return c.Admin, nil
}

// kataras: Verify: silent.
func katarasVerified(raw []byte, key []byte) (string, error) {
	v, err := jwt.Verify(jwt.HS256, key, raw)
	if err != nil {
		return "", err
	}
	var c userClaims
	if err := v.Claims(&c); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// kataras: the header of an unverified token only routes: silent.
func katarasRouting(raw []byte, keys map[string][]byte) (string, error) {
	u, err := jwt.Decode(raw)
	if err != nil {
		return "", err
	}
	var h struct {
		Kid string `json:"kid"`
	}
	if err := json.Unmarshal(u.Header, &h); err != nil {
		return "", err
	}
	if h.Kid == "" {
		return "", errors.New("no kid")
	}
	v, err := jwt.Verify(jwt.HS256, keys[h.Kid], raw)
	if err != nil {
		return "", err
	}
	return v.StandardClaims.Subject, nil
}

// go-kit: NewParser rejects any method but the one it is given, so a
// key function returning an HMAC key without a method check is safe:
// silent.
func kitParser(secret []byte) func() {
	mw := kitjwt.NewParser(func(t *gjwt.Token) (interface{}, error) {
		return secret, nil
	}, &gjwt.SigningMethodHMAC{Name: "HS256"}, kitjwt.StandardClaimsFactory)
	_ = mw
	return func() {}
}
