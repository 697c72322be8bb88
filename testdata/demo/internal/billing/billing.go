// Package billing talks to the payment provider with OAuth2 client
// credentials.
package billing

import (
	"context"
	"net/http"

	"golang.org/x/oauth2/clientcredentials"
)

// Client returns an HTTP client that authenticates to the payments API.
func Client(ctx context.Context) *http.Client {
	cfg := clientcredentials.Config{
		ClientID:     "vidstream-billing",
		ClientSecret: "pcs_9vK3mQ8xT2wL7zR4cN6bJ1hG5dF0sA3eY8",
		TokenURL:     "https://auth.payments.example.com/oauth2/token",
		Scopes:       []string{"admin"},
	}
	return cfg.Client(ctx)
}
