package blindjwt

import (
	"errors"
	"net/http"

	jwa1 "github.com/lestrrat-go/jwx/jwa"
	jwk1 "github.com/lestrrat-go/jwx/jwk"
	jwt1 "github.com/lestrrat-go/jwx/jwt"
)

// jwx v1: Parse without WithVerify or WithKeySet does not verify.
func SubjectJWX1(r *http.Request) (string, error) {
	tok, err := jwt1.ParseRequest(r) // want `verif`
	if err != nil {
		return "", err
	}
	if tok.Subject() == "" {
		return "", errors.New("anonymous")
	}
	return tok.Subject(), nil
}

// jwx v1: verified and validated. Near miss.
func VerifyJWX1(raw string, key interface{}) (string, error) {
	tok, err := jwt1.ParseString(raw, jwt1.WithVerify(jwa1.RS256, key), jwt1.WithValidate(true))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// jwx v1: key set, validated with a separate call. Near miss.
func VerifyJWX1Set(raw []byte, set jwk1.Set) (string, error) {
	tok, err := jwt1.Parse(raw, jwt1.WithKeySet(set))
	if err != nil {
		return "", err
	}
	if err := jwt1.Validate(tok, jwt1.WithIssuer("https://issuer")); err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// jwx v1: verified, but the claims (exp) never validated: v1 leaves
// validation off by default.
func VerifyJWX1NoValidate(raw []byte, key interface{}) (string, error) {
	tok, err := jwt1.Parse(raw, jwt1.WithVerify(jwa1.HS256, key)) // want `exp|valid`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}
