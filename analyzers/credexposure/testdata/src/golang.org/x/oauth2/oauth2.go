// Package oauth2 is a stub of golang.org/x/oauth2 for tests.
package oauth2

import "time"

type Token struct {
	AccessToken  string
	TokenType    string
	RefreshToken string
	Expiry       time.Time
	ExpiresIn    int64
}

func (t *Token) Extra(key string) any { return nil }
func (t *Token) Type() string         { return t.TokenType }
func (t *Token) Valid() bool          { return t != nil }

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

type TokenSource interface {
	Token() (*Token, error)
}

func (c *Config) Exchange(ctx any, code string) (*Token, error) { return &Token{}, nil }
func (c *Config) AuthCodeURL(state string) string               { return c.Endpoint.AuthURL + "?state=" + state }
