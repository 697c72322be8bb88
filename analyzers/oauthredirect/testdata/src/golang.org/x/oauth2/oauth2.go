// Package oauth2 is a stub of golang.org/x/oauth2 (v0.37.0).
package oauth2

import (
	"context"
	"net/http"
	"time"
)

type Endpoint struct {
	AuthURL  string
	TokenURL string
}

type Config struct {
	ClientID     string
	ClientSecret string
	Endpoint     Endpoint
	RedirectURL  string
	Scopes       []string
}

type AuthCodeOption interface {
	setValue(m map[string][]string)
}

type setParam struct{ k, v string }

func (p setParam) setValue(m map[string][]string) {}

var AccessTypeOffline AuthCodeOption = setParam{"access_type", "offline"}

func SetAuthURLParam(key, value string) AuthCodeOption { return setParam{key, value} }
func GenerateVerifier() string                         { return "" }
func VerifierOption(verifier string) AuthCodeOption    { return setParam{"code_verifier", verifier} }
func S256ChallengeOption(verifier string) AuthCodeOption {
	return setParam{"code_challenge", verifier}
}

type Token struct {
	AccessToken  string
	TokenType    string
	RefreshToken string
	Expiry       time.Time
}

func (t *Token) Extra(key string) any { return nil }
func (t *Token) Valid() bool          { return true }

func (c *Config) AuthCodeURL(state string, opts ...AuthCodeOption) string { return "" }
func (c *Config) Exchange(ctx context.Context, code string, opts ...AuthCodeOption) (*Token, error) {
	return nil, nil
}
func (c *Config) Client(ctx context.Context, t *Token) *http.Client { return nil }
