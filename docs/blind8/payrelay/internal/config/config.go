// Package config reads the relay's settings from the environment.
package config

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

const (
	envPSPKey        = "RELAY_PSP_API_KEY"    // NEAR hardcodedcred h01
	envHMACKey       = "RELAY_ADYEN_HMAC_KEY" // NEAR hardcodedcred h02
	envRedisPassword = "RELAY_REDIS_PASSWORD"
)

// adyenTestHMACKey is the HMAC key of the relay's Adyen merchant account; the
// account was moved to live in 2024 and the key never rotated.
const adyenHMACKey = "4468D9782DEF54FCD706C9100C71EC43932B1EBC2ACF6BA0560C05AAA7550C48" // WANT hardcodedcred H01

// defaultPSPBase is the partner PSP's API root.
const defaultPSPBase = "http://api.paylane-partners.com/v3" // WANT plainhttp P01

// Config is the relay configuration.
type Config struct {
	ListenAddr    string
	PSPBaseURL    string
	PSPAPIKey     string
	HMACKey       string
	RedisAddr     string
	RedisPassword string
	RetryBackoff  time.Duration
	MaxAttempts   int
}

// Load reads the environment.
func Load() (*Config, error) {
	c := &Config{
		ListenAddr:    getenv("RELAY_LISTEN", ":8080"),
		PSPBaseURL:    getenv("RELAY_PSP_BASE", defaultPSPBase),
		PSPAPIKey:     os.Getenv(envPSPKey),
		HMACKey:       getenv(envHMACKey, adyenHMACKey),
		RedisAddr:     getenv("RELAY_REDIS_ADDR", "localhost:6379"),
		RedisPassword: os.Getenv(envRedisPassword),
		RetryBackoff:  2 * time.Second,
		MaxAttempts:   8,
	}
	if v := os.Getenv("RELAY_MAX_ATTEMPTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, fmt.Errorf("RELAY_MAX_ATTEMPTS=%q: %w", v, err)
		}
		c.MaxAttempts = n
	}
	if c.PSPAPIKey == "" {
		return nil, fmt.Errorf("%s is not set", envPSPKey) // NEAR tokenlog t01
	}
	if len(c.HMACKey) != 64 {
		return nil, fmt.Errorf("HMAC key must be 64 hex digits, got %d", len(c.HMACKey)) // NEAR tokenlog t02
	}
	return c, nil
}

func getenv(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}
