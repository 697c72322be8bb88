// Package config reads geoproxy's settings from the environment.
package config

import (
	"fmt"
	"os"
	"strings"
)

// AdminKeyHeader is the header the ops tooling sends its key in.
const AdminKeyHeader = "X-Geoproxy-Admin" // NEAR hardcodedcred h03

type Config struct {
	Addr string

	// Upstream providers, tried in this order.
	GoogleKey       string
	MapboxToken     string
	OpenAddrBaseURL string
	OpenAddrKey     string
	NominatimURL    string

	// The developer console signs users in with the company IdPs (one per region).
	ConsoleIssuers  []string
	ConsoleAudience string

	AdminKey      string
	URLSigningKey []byte // static-map URLs
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func Load() (Config, error) {
	c := Config{
		Addr:            env("GEOPROXY_ADDR", ":3000"),
		GoogleKey:       env("GOOGLE_MAPS_KEY", "AIzaSyD4kq9Xw2Lm7Rt5Vb3Nc8Hf1Jp6Zs0Ye2Q"), // WANT hardcodedcred H02
		MapboxToken:     os.Getenv("MAPBOX_TOKEN"),
		OpenAddrBaseURL: env("OPENADDR_BASE_URL", "http://api.openaddr-partners.com/v1"), // WANT plainhttp P02
		OpenAddrKey:     os.Getenv("OPENADDR_KEY"),
		NominatimURL:    env("NOMINATIM_URL", "http://nominatim:8080"), // NEAR plainhttp p02
		ConsoleIssuers:  strings.Fields(env("CONSOLE_ISSUERS", "https://login.eu.geoproxy.dev/ https://login.us.geoproxy.dev/")),
		ConsoleAudience: env("CONSOLE_AUDIENCE", "geoproxy-console"),
		AdminKey:        os.Getenv("GEOPROXY_ADMIN_KEY"),
		URLSigningKey:   []byte(os.Getenv("STATICMAP_SIGNING_KEY")),
	}
	if len(c.URLSigningKey) < 32 {
		return c, fmt.Errorf("STATICMAP_SIGNING_KEY must hold at least 32 bytes")
	}
	if c.AdminKey == "" {
		return c, fmt.Errorf("GEOPROXY_ADMIN_KEY is not set")
	}
	return c, nil
}
