// Package oauth2 is a stub of golang.org/x/oauth2 for tests.
package oauth2

import "context"

type Endpoint struct{ AuthURL, TokenURL string }

type Config struct {
	ClientID     string
	ClientSecret string
	Endpoint     Endpoint
	RedirectURL  string
	Scopes       []string
}

type Token struct{ AccessToken string }

func (t *Token) Extra(key string) interface{} { return nil }

type AuthCodeOption interface{}

func (c *Config) AuthCodeURL(state string, opts ...AuthCodeOption) string { return "" }

func (c *Config) Exchange(ctx context.Context, code string, opts ...AuthCodeOption) (*Token, error) {
	return nil, nil
}

type TokenSource interface {
	Token() (*Token, error)
}
