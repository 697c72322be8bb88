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

// RetrieveError is the error of a failed token request; it prints the
// error code and the error response's body, never a token.
type RetrieveError struct {
	Body             []byte
	ErrorCode        string
	ErrorDescription string
}

func (r *RetrieveError) Error() string { return "oauth2: " + r.ErrorCode + " " + string(r.Body) }

func (c *Config) Exchange(ctx any, code string) (*Token, error) { return nil, nil }
func (c *Config) TokenSource(ctx any, t *Token) TokenSource     { return nil }
func (c *Config) AuthCodeURL(state string) string               { return c.Endpoint.AuthURL + "?state=" + state }
