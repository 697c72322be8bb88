// Package config reads scimgate's settings.
package config

import (
	"errors"
	"os"
)

type Config struct {
	Addr string

	// The console's own login (all tenants' admins sign in here).
	OIDCIssuer       string
	OIDCClientID     string
	OIDCClientSecret string
	OIDCRedirectURL  string

	// On-prem installs provision their single tenant with a bootstrap SCIM token.
	BootstrapSCIMToken string
	BootstrapTenant    string
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func Load() (Config, error) {
	c := Config{
		Addr:               env("SCIMGATE_ADDR", ":8443"),
		OIDCIssuer:         env("OIDC_ISSUER", "http://login.acme-idp.com/"),              // WANT plainhttp P07
		OIDCClientID:       env("OIDC_CLIENT_ID", "scimgate-console"),                     // NEAR hardcodedcred h07
		OIDCClientSecret:   env("OIDC_CLIENT_SECRET", "Zx8vK2mQ9rT4wY7pL3nB6cF1hJ5sD0gA"), // WANT hardcodedcred H06
		OIDCRedirectURL:    env("OIDC_REDIRECT_URL", "https://console.scimgate.io/auth/callback"),
		BootstrapSCIMToken: os.Getenv("BOOTSTRAP_SCIM_TOKEN"),
		BootstrapTenant:    os.Getenv("BOOTSTRAP_TENANT"),
	}
	if os.Getenv("SCIMGATE_ENV") == "dev" {
		c.OIDCIssuer = "http://dex:5556/dex" // NEAR plainhttp p08
		c.OIDCRedirectURL = "http://localhost:8443/auth/callback"
	}
	if c.BootstrapSCIMToken != "" && c.BootstrapTenant == "" {
		return c, errors.New("BOOTSTRAP_TENANT is required with BOOTSTRAP_SCIM_TOKEN")
	}
	return c, nil
}
