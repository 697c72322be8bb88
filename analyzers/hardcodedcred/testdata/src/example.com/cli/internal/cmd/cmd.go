// Package cmd uses the module's own constant and a dependency's.
package cmd

import (
	"example.com/cli/internal/auth"
	"github.com/vendorsdk/sdk"
)

var clientSecret, apiKey string

func flags() {
	// Near miss: reported where it is declared, in package auth.
	clientSecret = auth.OAuthClientSecret
	// Positive: a dependency's key, whose literal is not the module's.
	apiKey = sdk.DefaultSecretKey // want `API key in var apiKey is the constant sdk.DefaultSecretKey`
}
