package blindjwt

import (
	"errors"
	"net/http"
	"time"

	jose3 "github.com/go-jose/go-jose/v3"
	jwt3 "github.com/go-jose/go-jose/v3/jwt"
	jose "github.com/go-jose/go-jose/v4"
	josejwt "github.com/go-jose/go-jose/v4/jwt"
)

// go-jose v4: allowed algorithms at ParseSigned, claims verified then
// validated with Expected. Near miss.
func VerifyJose4(raw string, key any) (*josejwt.Claims, error) {
	tok, err := josejwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256, jose.ES256})
	if err != nil {
		return nil, err
	}
	var c josejwt.Claims
	if err := tok.Claims(key, &c); err != nil {
		return nil, err
	}
	if err := c.Validate(josejwt.Expected{Issuer: "https://issuer", Time: time.Now()}); err != nil {
		return nil, err
	}
	return &c, nil
}

// go-jose v4: signature verified, claims never validated (exp unchecked).
func VerifyJose4NoValidate(raw string, key any) (string, error) {
	tok, err := josejwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return "", err
	}
	var c josejwt.Claims
	if err := tok.Claims(key, &c); err != nil { // want `exp|expir|Validate`
		return "", err
	}
	return c.Subject, nil
}

// go-jose v4: claims read without verification and trusted.
func SubjectJose4(r *http.Request) (string, error) {
	tok, err := josejwt.ParseSigned(r.Header.Get("Authorization"), []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return "", err
	}
	var c josejwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil { // want `verif`
		return "", err
	}
	if c.Subject == "" {
		return "", errors.New("no subject")
	}
	return c.Subject, nil
}

// go-jose v3 (no algorithm list at ParseSigned), verified and validated
// with leeway. Near miss.
func VerifyJose3(raw string, key any) (*jwt3.Claims, error) {
	tok, err := jwt3.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	c := &jwt3.Claims{}
	if err := tok.Claims(key, c); err != nil {
		return nil, err
	}
	if err := c.ValidateWithLeeway(jwt3.Expected{Time: time.Now()}, time.Minute); err != nil {
		return nil, err
	}
	_ = jose3.RS256
	return c, nil
}
