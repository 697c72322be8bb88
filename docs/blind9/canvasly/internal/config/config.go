// Package config loads canvasly's settings.
package config

import (
	"os"
	"strconv"
)

type Config struct {
	Listen        string
	PublicURL     string
	Dev           bool
	SecureCookies bool

	OIDCIssuer       string
	OIDCClientID     string
	OIDCClientSecret string
	PluginClientID   string

	FigmaClientID        string
	FigmaClientSecret    string
	FigmaWebhookPasscode string
}

const pluginKeyHeader = "X-Canvasly-Plugin-Key" // NEAR hardcodedcred h02

// PluginKeyHeader is the header the desktop plugin sends its team key in.
func PluginKeyHeader() string { return pluginKeyHeader }

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func Load() *Config {
	c := &Config{
		Listen:               env("LISTEN", ":3000"),
		PublicURL:            env("PUBLIC_URL", "https://app.canvasly.app"),
		OIDCIssuer:           env("OIDC_ISSUER", "http://auth.canvasly.app/realms/canvasly"), // WANT plainhttp P02
		OIDCClientID:         env("OIDC_CLIENT_ID", "canvasly-web"),
		OIDCClientSecret:     os.Getenv("OIDC_CLIENT_SECRET"), // NEAR hardcodedcred h03
		PluginClientID:       env("OIDC_PLUGIN_CLIENT_ID", "canvasly-desktop"),
		FigmaClientID:        env("FIGMA_CLIENT_ID", "Yq4mW2fUeR7xLcP1"),                     // NEAR hardcodedcred h04
		FigmaClientSecret:    env("FIGMA_CLIENT_SECRET", "kq3Vd8sLx0Zp7RtY2wNcB5HbJmE9aGfT"), // WANT hardcodedcred H01
		FigmaWebhookPasscode: os.Getenv("FIGMA_WEBHOOK_PASSCODE"),
	}
	c.Dev, _ = strconv.ParseBool(os.Getenv("CANVASLY_DEV"))
	c.SecureCookies = !c.Dev
	if c.Dev {
		c.OIDCIssuer = "http://keycloak:8080/realms/canvasly" // NEAR plainhttp p02
	}
	return c
}
