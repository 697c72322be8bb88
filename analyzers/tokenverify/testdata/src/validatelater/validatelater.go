// Package validatelater parses tokens with the library's validation off
// and validates them apart with the library's own validation function
// (as go-chi/jwtauth does with jwx): the expiry is checked, so nothing
// is reported. The positives of the same switches without a later
// validation are in the libs and expiry fixtures.
package validatelater

import (
	"github.com/golang-jwt/jwt/v5"
	jwx "github.com/lestrrat-go/jwx/v2/jwt"
)

type auth struct {
	opts []jwx.ValidateOption
	kf   jwt.Keyfunc
}

// jwx: parse without validation...
func (a *auth) parse(raw []byte) (jwx.Token, error) {
	return jwx.Parse(raw, jwx.WithKeySet(nil), jwx.WithValidate(false))
}

// ...then validate with the package's options.
func (a *auth) verify(raw []byte) (jwx.Token, error) {
	t, err := a.parse(raw)
	if err != nil {
		return nil, err
	}
	return t, jwx.Validate(t, a.opts...)
}

// golang-jwt v5: parse without validation, then a Validator.
func (a *auth) parseV5(raw string) (*jwt.Token, error) {
	tok, err := jwt.Parse(raw, a.kf, jwt.WithValidMethods([]string{"RS256"}), jwt.WithoutClaimsValidation())
	if err != nil {
		return nil, err
	}
	if err := jwt.NewValidator(jwt.WithExpirationRequired()).Validate(tok.Claims); err != nil {
		return nil, err
	}
	return tok, nil
}
