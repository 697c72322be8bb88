// Package oauth2 is a stub of golang.org/x/oauth2 for tests.
package oauth2

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

type Token struct {
	AccessToken  string
	TokenType    string
	RefreshToken string
}

type TokenSource interface{ Token() (*Token, error) }

func StaticTokenSource(t *Token) TokenSource { return nil }
