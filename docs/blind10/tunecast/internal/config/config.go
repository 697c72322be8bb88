// Package config reads tunecast's settings from the environment.
package config

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// jwtSecretEnv names the variable holding the HMAC key for access tokens.
const jwtSecretEnv = "TUNECAST_JWT_SECRET" // NEAR hardcodedcred h01

// Config is everything the API server needs at start-up.
type Config struct {
	Addr, PublicURL string
	Debug           bool

	JWTSecret      []byte
	RefreshSecrets [][]byte // current first, previous second (rotation)
	JWTIssuer      string

	// The streaming provider whose library users link (Spotify-style authorization code flow).
	ProviderClientID, ProviderClientSecret string
	ProviderAuthURL, ProviderTokenURL      string

	LyricsBaseURL, LyricsAPIKey string // lyrics partner

	// PartnerKeysDir holds one PEM public key per distributor, named <kid>.pem.
	PartnerKeysDir string
}

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

// Load reads the environment. Missing optional settings fall back to the values used by the
// docker-compose stack in deploy/.
func Load() (Config, error) {
	c := Config{
		Addr:                 getenv("TUNECAST_ADDR", ":8080"),
		PublicURL:            getenv("TUNECAST_PUBLIC_URL", "http://localhost:5173"), // NEAR plainhttp p01
		JWTIssuer:            getenv("TUNECAST_ISSUER", "https://api.tunecast.fm"),
		ProviderClientID:     getenv("PROVIDER_CLIENT_ID", "b7e2c94a1f3d4e6a8c0b5d2f7a9e1c34"),     // NEAR hardcodedcred h02
		ProviderClientSecret: getenv("PROVIDER_CLIENT_SECRET", "e41f7c2a9b8d4c6e0a3f5b1d7e9c2a84"), // WANT hardcodedcred H01
		ProviderAuthURL:      getenv("PROVIDER_AUTH_URL", "https://accounts.soundloop.com/authorize"),
		ProviderTokenURL:     getenv("PROVIDER_TOKEN_URL", "https://accounts.soundloop.com/api/token"),
		LyricsBaseURL:        getenv("LYRICS_BASE_URL", "http://api.lyricvault.io/v2"), // WANT plainhttp P01
		LyricsAPIKey:         os.Getenv("LYRICS_API_KEY"),
		PartnerKeysDir:       getenv("PARTNER_KEYS_DIR", "/etc/tunecast/partners"),
	}
	c.Debug, _ = strconv.ParseBool(os.Getenv("TUNECAST_DEBUG"))

	secret := os.Getenv(jwtSecretEnv)
	if len(secret) < 32 {
		return c, fmt.Errorf("%s must hold at least 32 bytes (got %d)", jwtSecretEnv, len(secret))
	}
	c.JWTSecret = []byte(secret)

	for _, s := range strings.Fields(os.Getenv("TUNECAST_REFRESH_SECRETS")) {
		c.RefreshSecrets = append(c.RefreshSecrets, []byte(s))
	}
	if len(c.RefreshSecrets) == 0 {
		return c, errors.New("TUNECAST_REFRESH_SECRETS is empty")
	}

	return c, nil
}
