// Package fresh holds proof JWTs (DPoP, RFC 9449) whose freshness the
// verifier checks by hand from iat: the library's exp check is off on
// purpose and that is not a missing expiry check. A proof whose iat is
// never compared with the current time is still reported.
package fresh

import (
	"errors"
	"time"

	josejwt "github.com/go-jose/go-jose/v3/jwt"
	jwtv4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
	jwx "github.com/lestrrat-go/jwx/v3/jwt"
)

const window = 5 * time.Minute

type replayCache interface{ Seen(jti string) bool }

// --- near misses: iat compared with the current time ---

// golang-jwt v5: iat read from the map claims, compared through
// time.Since, jti checked against replay.
func dpopMap(proof string, kf jwt.Keyfunc, seen replayCache) error {
	tok, err := jwt.Parse(proof, kf, jwt.WithValidMethods([]string{"ES256"}), jwt.WithoutClaimsValidation())
	if err != nil {
		return err
	}
	claims := tok.Claims.(jwt.MapClaims)
	iat, ok := claims["iat"].(float64)
	if !ok {
		return errors.New("no iat")
	}
	if d := time.Since(time.Unix(int64(iat), 0)); d > window || d < -window {
		return errors.New("stale proof")
	}
	jti, _ := claims["jti"].(string)
	if seen.Seen(jti) {
		return errors.New("replayed proof")
	}
	return nil
}

type clock interface{ Now() time.Time }

type dpopClaims struct {
	jwtv4.RegisteredClaims
	HTM string `json:"htm"`
	HTU string `json:"htu"`
}

// golang-jwt v4 parser struct: IssuedAt compared with an injected
// clock's Now.
func dpopStruct(proof string, kf jwtv4.Keyfunc, clk clock) (*dpopClaims, error) {
	p := jwtv4.Parser{ValidMethods: []string{"ES256"}, SkipClaimsValidation: true}
	var c dpopClaims
	if _, err := p.ParseWithClaims(proof, &c, kf); err != nil {
		return nil, err
	}
	now := clk.Now()
	if c.IssuedAt == nil || c.IssuedAt.Time.Before(now.Add(-window)) || c.IssuedAt.Time.After(now.Add(window)) {
		return nil, errors.New("stale proof")
	}
	return &c, nil
}

type proofClaims struct {
	josejwt.Claims
	Nonce string `json:"nonce"`
}

// go-jose: claims not given to Validate, iat compared by hand.
func dpopJose(proof string, key any) error {
	tok, err := josejwt.ParseSigned(proof)
	if err != nil {
		return err
	}
	var c proofClaims
	if err := tok.Claims(key, &c); err != nil {
		return err
	}
	if c.IssuedAt == nil || time.Until(c.IssuedAt.Time()) > window || time.Since(c.IssuedAt.Time()) > window {
		return errors.New("stale proof")
	}
	return nil
}

type jtiClaims struct {
	Iat int64  `json:"iat"`
	Jti string `json:"jti"`
}

// jwx: validation off, a custom field tagged iat compared with now.
func dpopJWX(proof []byte, seen replayCache, c jtiClaims) error {
	if _, err := jwx.Parse(proof, jwx.WithKeySet(nil), jwx.WithValidate(false)); err != nil {
		return err
	}
	if time.Now().Unix()-c.Iat > int64(window.Seconds()) {
		return errors.New("stale proof")
	}
	return nil
}

// --- positives: no freshness check ---

// The proof's iat is only read, never compared with the clock.
func proofNoCheck(proof string, kf jwt.Keyfunc, seen replayCache) error {
	tok, err := jwt.Parse(proof, kf, jwt.WithValidMethods([]string{"ES256"}), jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation turns off the exp and nbf checks`
	if err != nil {
		return err
	}
	claims := tok.Claims.(jwt.MapClaims)
	jti, _ := claims["jti"].(string)
	if seen.Seen(jti) {
		return errors.New("replayed proof")
	}
	_ = claims["iat"]
	return nil
}

// Two times compared, neither the token's iat: not a freshness check.
func proofWrongTime(proof string, kf jwtv4.Keyfunc, started time.Time) error {
	p := jwtv4.Parser{ValidMethods: []string{"ES256"}, SkipClaimsValidation: true} // want `SkipClaimsValidation turns off the exp and nbf checks`
	var c dpopClaims
	if _, err := p.ParseWithClaims(proof, &c, kf); err != nil {
		return err
	}
	if time.Since(started) > window {
		return errors.New("too slow")
	}
	return nil
}

// go-jose claims neither validated nor checked for freshness.
func proofJoseNoCheck(proof string, key any) (string, error) {
	tok, err := josejwt.ParseSigned(proof)
	if err != nil {
		return "", err
	}
	var c proofClaims
	if err := tok.Claims(key, &c); err != nil { // want `claims c verified with \(\*jwt.JSONWebToken\).Claims are never validated`
		return "", err
	}
	return c.Nonce, nil
}

// jwx with validation off and iat only logged.
func proofJWXNoCheck(proof []byte, logf func(string, ...any), c jtiClaims) error {
	_, err := jwx.Parse(proof, jwx.WithKeySet(nil), jwx.WithValidate(false)) // want `jwt.WithValidate\(false\) turns off`
	logf("proof issued at %d, now %v", c.Iat, time.Now())
	return err
}

// --- minting: a DPoP proof carries iat, not exp ---

type proofClaimsV5 struct {
	jwt.RegisteredClaims
	HTM string `json:"htm"`
	HTU string `json:"htu"`
}

// A proof with jti, htm, htu and iat: its verifier judges freshness from
// iat, silent.
func mintProof(method, uri, jti string) *jwt.Token {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"jti": jti, "htm": method, "htu": uri, "iat": time.Now().Unix(),
	})
}

// The same as a struct: silent.
func mintProofStruct(method, uri, jti string) *jwt.Token {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, proofClaimsV5{
		RegisteredClaims: jwt.RegisteredClaims{ID: jti, IssuedAt: jwt.NewNumericDate(time.Now())},
		HTM:              method,
		HTU:              uri,
	})
}

// A proof without iat has no freshness bound at all.
func mintProofNoIat(method, uri, jti string) *jwt.Token {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{ // want `token minted with jwt.NewWithClaims from jwt.MapClaims without an "exp" claim never expires`
		"jti": jti, "htm": method, "htu": uri,
	})
}

// An access token with iat but no exp is not a proof.
func mintAccessNoExp(sub string) *jwt.Token {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{ // want `never expires`
		"sub": sub, "iat": time.Now().Unix(),
	})
}
