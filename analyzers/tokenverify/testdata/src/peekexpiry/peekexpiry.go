// Package peekexpiry: a jwx decode with the signature check switched off
// as well as validation is a peek, whose expiry says nothing; a parse
// that verifies the signature with validation off accepts expired
// tokens.
package peekexpiry

import (
	"errors"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	jwxjwt "github.com/lestrrat-go/jwx/v2/jwt"
)

// Positives: verified, never validated.

func hook(raw string, key []byte) (string, error) {
	tok, err := jwxjwt.ParseString(raw, jwxjwt.WithKey(jwa.HS256, key), jwxjwt.WithValidate(false)) // want `turns off the exp and nbf checks`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

func tenantToken(raw string, set jwk.Set) (jwxjwt.Token, error) {
	return jwxjwt.ParseString(raw, jwxjwt.WithKeySet(set), jwxjwt.WithValidate(false)) // want `turns off the exp and nbf checks`
}

// Near misses: peeks, then a verifying and validating parse.

func byTenant(raw string, sets map[string]jwk.Set) (jwxjwt.Token, error) {
	peek, err := jwxjwt.ParseString(raw, jwxjwt.WithVerify(false), jwxjwt.WithValidate(false)) // a peek at tid
	if err != nil {
		return nil, err
	}
	tid, _ := peek.Get("tid")
	t, _ := tid.(string)
	set, ok := sets[t]
	if !ok {
		return nil, errors.New("unknown tenant")
	}
	return jwxjwt.ParseString(raw, jwxjwt.WithKeySet(set), jwxjwt.WithValidate(true))
}

func byIssuer(raw []byte, sets map[string]jwk.Set) (jwxjwt.Token, error) {
	peek, err := jwxjwt.Parse(raw, jwxjwt.WithValidate(false), jwxjwt.WithVerify(false)) // a peek at iss, options in the other order
	if err != nil {
		return nil, err
	}
	set, ok := sets[peek.Issuer()]
	if !ok {
		return nil, errors.New("unknown issuer")
	}
	return jwxjwt.Parse(raw, jwxjwt.WithKeySet(set), jwxjwt.WithValidate(true))
}

func kind(raw []byte) string {
	peek, err := jwxjwt.Parse(raw, jwxjwt.WithVerify(false), jwxjwt.WithValidate(false)) // only guesses the token type
	if err != nil {
		return ""
	}
	if _, ok := peek.Get("nonce"); ok {
		return "id"
	}
	return "access"
}
