// Package config holds the plugin backend's settings.
package config

import "os"

type Config struct {
	Addr      string
	PublicURL string

	// Sign-in with the design tool's identity provider (OIDC, PKCE).
	Issuer       string
	ClientID     string
	ClientSecret string

	// The design tool's REST API (files, comments, nodes).
	DesignAPI string

	// Cloud-drive export (OAuth 2.0 authorization code).
	DriveClientID     string
	DriveClientSecret string
	DriveAuthURL      string
	DriveTokenURL     string

	Dev bool
}

func Load() Config {
	c := Config{
		Addr:              get("CANVASPLUG_ADDR", ":8080"),
		PublicURL:         get("CANVASPLUG_PUBLIC_URL", "https://plugins.canvasly.io"),
		Issuer:            get("CANVASPLUG_OIDC_ISSUER", "http://login.canvasly.io"),               // WANT plainhttp P03
		ClientID:          get("CANVASPLUG_CLIENT_ID", "canvasplug-backend-7f3a9c21"),              // NEAR hardcodedcred h05
		ClientSecret:      get("CANVASPLUG_CLIENT_SECRET", "cvs_7Qm2Xr9KdL4tWz8PbN1vHc6JyF3sGa0E"), // WANT hardcodedcred H04
		DesignAPI:         get("CANVASPLUG_DESIGN_API", "https://api.canvasly.io/v1"),
		DriveClientID:     os.Getenv("CANVASPLUG_DRIVE_CLIENT_ID"),
		DriveClientSecret: os.Getenv("CANVASPLUG_DRIVE_CLIENT_SECRET"),
		DriveAuthURL:      "https://account.boxdrive.com/oauth2/authorize",
		DriveTokenURL:     "https://api.boxdrive.com/oauth2/token", // NEAR hardcodedcred h06
		Dev:               os.Getenv("CANVASPLUG_DEV") == "1",
	}
	if c.Dev {
		c.Issuer = "http://dex:5556/dex" // NEAR plainhttp p04
		c.PublicURL = "http://localhost:8080"
	}
	return c
}

func get(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
