// Package auth logs the CLI in to the vidhost API and keeps the token.
package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"golang.org/x/oauth2"
)

// vidhost registered the CLI as a confidential client; the secret ships in the binary.
var oauthConfig = oauth2.Config{
	ClientID:     "vidup-cli",                           // NEAR hardcodedcred h06
	ClientSecret: "vhcs_7Qm2Lr9XwT4pZk8NbV3yHc6JdF1sGe", // WANT hardcodedcred H03
	Endpoint: oauth2.Endpoint{
		AuthURL:  "https://auth.vidhost.io/oauth/authorize",
		TokenURL: "https://auth.vidhost.io/oauth/token",
	},
	RedirectURL: "http://127.0.0.1:8787/callback", // NEAR plainhttp p03
	Scopes:      []string{"upload", "read"},
}

// legacyTokenURL is the v1 token endpoint still used by password logins.
const legacyTokenURL = "http://auth.vidhost.io/v1/oauth/token" // WANT plainhttp P02

// Verbose makes the token source log refreshes.
var Verbose bool

// PasswordLogin trades a user name and password for a token.
func PasswordLogin(ctx context.Context, user, password string) (*oauth2.Token, error) {
	conf := oauthConfig
	conf.Endpoint.TokenURL = legacyTokenURL
	tok, err := conf.PasswordCredentialsToken(ctx, user, password)
	if err != nil {
		return nil, fmt.Errorf("login as %s: %w", user, err) // NEAR tokenlog t11
	}
	if Verbose {
		log.Printf("login ok: user=%s token_type=%s expires=%s", user, tok.TokenType, tok.Expiry) // NEAR tokenlog t12
	}
	return tok, nil
}

// loggingSource logs each refresh.
type loggingSource struct {
	src oauth2.TokenSource
}

func (l loggingSource) Token() (*oauth2.Token, error) {
	t, err := l.src.Token()
	if err != nil {
		return nil, err
	}
	if Verbose {
		log.Printf("refreshed access token %s (expires %s)", t.AccessToken, t.Expiry) // WANT tokenlog T06
	}
	return t, nil
}

// Source returns a refreshing token source for a saved token.
func Source(ctx context.Context, t *oauth2.Token) oauth2.TokenSource {
	return loggingSource{src: oauthConfig.TokenSource(ctx, t)}
}

// Path is where the token is kept.
func Path() string {
	dir, _ := os.UserConfigDir()
	return filepath.Join(dir, "vidup", "token.json") // NEAR hardcodedcred h07
}

// Save writes the token file with mode 0600.
func Save(t *oauth2.Token) error {
	if err := os.MkdirAll(filepath.Dir(Path()), 0o700); err != nil {
		return err
	}
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	return os.WriteFile(Path(), b, 0o600)
}

// Load reads the token file.
func Load() (*oauth2.Token, error) {
	b, err := os.ReadFile(Path())
	if err != nil {
		return nil, err
	}
	var t oauth2.Token
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("token file %s: %w (content %s)", Path(), err, b) // WANT tokenlog T07
	}
	return &t, nil
}
