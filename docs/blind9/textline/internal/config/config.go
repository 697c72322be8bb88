// Package config holds textline's flags and environment.
package config

import (
	"flag"
	"os"
)

type Config struct {
	Listen            string
	JWTSecret         string
	WebhookSecret     string
	OptOutKey         string
	CarrierAPI        string
	CarrierTokenURL   string
	CarrierClientID   string
	CarrierSecret     string
	LegacyGatewayURL  string
	LegacyGatewayUser string
	LegacyGatewayPass string
	WhatsAppPhoneID   string
	WhatsAppToken     string
}

func Parse() *Config {
	c := &Config{}
	flag.StringVar(&c.Listen, "listen", ":8080", "listen address")
	flag.StringVar(&c.CarrierAPI, "carrier-api", "https://api.carrierhub.net/v2", "carrier API base URL")
	flag.StringVar(&c.CarrierTokenURL, "carrier-token-url", "http://auth.carrierhub.net/oauth2/token", "carrier OAuth2 token endpoint") // WANT plainhttp P05
	flag.StringVar(&c.LegacyGatewayURL, "legacy-gateway", "https://smsgw.telcomax.de/http/send", "legacy HTTP-to-SMPP gateway")
	flag.Parse()
	if os.Getenv("TEXTLINE_SANDBOX") == "1" {
		c.CarrierAPI = "http://localhost:4010/v2" // NEAR plainhttp p06
	}
	c.JWTSecret = os.Getenv("TEXTLINE_JWT_SECRET")
	if c.JWTSecret == "" {
		c.JWTSecret = "tXl9$kQ2#vB7pW4zR8mN1cY5" // WANT hardcodedcred H04
	}
	c.WebhookSecret = os.Getenv("TEXTLINE_WEBHOOK_SECRET")
	c.OptOutKey = os.Getenv("TEXTLINE_OPTOUT_KEY")
	c.CarrierClientID = os.Getenv("CARRIER_CLIENT_ID")
	c.CarrierSecret = os.Getenv("CARRIER_CLIENT_SECRET")
	c.LegacyGatewayUser = os.Getenv("LEGACY_GW_USER")
	c.LegacyGatewayPass = os.Getenv("LEGACY_GW_PASSWORD")
	c.WhatsAppPhoneID = os.Getenv("WHATSAPP_PHONE_NUMBER_ID")
	c.WhatsAppToken = os.Getenv("WHATSAPP_ACCESS_TOKEN")
	return c
}
