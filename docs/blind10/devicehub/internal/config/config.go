// Package config reads devicehub's settings from the environment.
package config

import (
	"errors"
	"os"
)

// MQTTPasswordEnv is the variable the bridge's broker password comes from.
const MQTTPasswordEnv = "MQTT_PASSWORD" // NEAR hardcodedcred h06

type Config struct {
	GRPCAddr, HTTPAddr string

	DeviceKeyFile    string // Ed25519 key that signs device tokens
	OperatorIssuer   string
	OperatorJWKSFile string // the IdP's key set, synced by the deploy pipeline

	MQTTBroker, MQTTUser, MQTTPassword string

	TwinSyncAddr, TwinSyncToken string
	AgentToken                  string
	OTABaseURL, OTAToken        string
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func Load() (Config, error) {
	c := Config{
		GRPCAddr:         env("GRPC_ADDR", ":7000"),
		HTTPAddr:         env("HTTP_ADDR", ":7080"),
		DeviceKeyFile:    env("DEVICE_KEY_FILE", "/etc/devicehub/device-signing.key"),
		OperatorIssuer:   env("OPERATOR_ISSUER", "https://sso.devicehub.io/"),
		OperatorJWKSFile: env("OPERATOR_JWKS_FILE", "/etc/devicehub/operator-jwks.json"),
		MQTTBroker:       env("MQTT_BROKER", "mqtt.devicehub.io:8883"),
		MQTTUser:         env("MQTT_USER", "devicehub-bridge"),
		MQTTPassword:     env(MQTTPasswordEnv, "dh-bridge-Q7w9Lx2Rk5Vz8Tn4"), // WANT hardcodedcred H05
		TwinSyncAddr:     env("TWINSYNC_ADDR", "twinsync.devicehub-cloud.net:443"),
		TwinSyncToken:    os.Getenv("TWINSYNC_TOKEN"),
		AgentToken:       os.Getenv("AGENT_TOKEN"),
		OTABaseURL:       env("OTA_BASE_URL", "http://ota.devicehub-cdn.net/v2"), // WANT plainhttp P05
		OTAToken:         os.Getenv("OTA_TOKEN"),
	}
	if c.TwinSyncToken == "" || c.OTAToken == "" {
		return c, errors.New("TWINSYNC_TOKEN and OTA_TOKEN are required")
	}
	return c, nil
}
