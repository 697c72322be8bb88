package blindjwt

import (
	"context"
	"errors"
	"net/http"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	jwxt "github.com/lestrrat-go/jwx/v2/jwt"
	jwa3 "github.com/lestrrat-go/jwx/v3/jwa"
	jwt3x "github.com/lestrrat-go/jwx/v3/jwt"
)

// jwx v2 with a key: verified and validated by default. Near miss.
func VerifyJWX2(raw []byte, key any) (string, error) {
	tok, err := jwxt.Parse(raw, jwxt.WithKey(jwa.RS256, key), jwxt.WithIssuer("https://issuer"))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// jwx v2 with a fetched key set. Near miss.
func VerifyJWKS(ctx context.Context, raw string) (jwxt.Token, error) {
	set, err := jwk.Fetch(ctx, "https://issuer/.well-known/jwks.json")
	if err != nil {
		return nil, err
	}
	return jwxt.ParseString(raw, jwxt.WithKeySet(set))
}

// jwx v2 with verification off, subject used for the identity.
func SubjectJWX2(r *http.Request) (string, error) {
	tok, err := jwxt.ParseString(r.Header.Get("X-Id-Token"), jwxt.WithVerify(false)) // want `verif`
	if err != nil {
		return "", err
	}
	if tok.Subject() == "" {
		return "", errors.New("anonymous")
	}
	return tok.Subject(), nil
}

// jwx v2 with validation off.
func VerifyJWX2NoValidate(raw []byte, key any) (string, error) {
	tok, err := jwxt.Parse(raw, jwxt.WithKey(jwa.HS256, key), jwxt.WithValidate(false)) // want `exp|valid`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// jwx v2 with validation off at parse, validated after. Near miss.
func VerifyJWX2Later(raw []byte, key any) (string, error) {
	tok, err := jwxt.Parse(raw, jwxt.WithKey(jwa.HS256, key), jwxt.WithValidate(false))
	if err != nil {
		return "", err
	}
	if err := jwxt.Validate(tok, jwxt.WithIssuer("me")); err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// jwx v3 with a key. Near miss.
func VerifyJWX3(raw []byte, key any) (string, error) {
	tok, err := jwt3x.Parse(raw, jwt3x.WithKey(jwa3.RS256(), key))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// jwx v3 insecure parse, trusted.
func SubjectJWX3(raw []byte) (string, error) {
	tok, err := jwt3x.ParseInsecure(raw) // want `verif`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}
