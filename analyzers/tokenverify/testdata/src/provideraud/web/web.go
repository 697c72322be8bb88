// Package web calls another package's ID-token verifier.
package web

import (
	"errors"
	"slices"

	"provideraud/oidc"
)

// Positive: the subject is compared, the audience never.
func login(raw, keyURL, sub string) bool {
	claims, err := oidc.VerifyIDToken(raw, keyURL) // want `oidc.VerifyIDToken verifies an OpenID Connect token with keys fetched from the identity provider and checks no audience, and this caller does not either`
	return err == nil && claims["sub"] == sub
}

// Near miss: the caller checks the audience.
func exchange(raw, keyURL, clientID string) error {
	claims, err := oidc.VerifyIDToken(raw, keyURL)
	if err != nil {
		return err
	}
	aud, _ := claims.GetAudience()
	if !slices.Contains(aud, clientID) {
		return errors.New("token for another client")
	}
	return nil
}
