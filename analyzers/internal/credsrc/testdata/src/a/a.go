package a

import (
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

type Config struct {
	Password    string
	PasswordLen int
	TokenURL    string
	APIKey      []byte
	Name        string
}

type Redacted struct{ Token string }

func (Redacted) String() string { return "***" }

type Outer struct {
	Inner Config
	ID    string
}

type HidesInner struct {
	R  Redacted
	ID string
}

type PtrOnly struct{ Secret string }

func (*PtrOnly) String() string { return "***" }

var apiKey string
var tokenCount int

func sources(r *http.Request, tok *oauth2.Token, oc oauth2.Config, cc clientcredentials.Config, jt *jwt.Token, u *url.URL, c Config, accessToken string, tokenExpiry time.Time, m map[string]string, mi map[string]any) {
	_ = r.Header.Get("Authorization")    // want `credentials from the Authorization header`
	_ = r.Header.Get("X-Acme-Api-Key")   // want `API key from the X-Acme-Api-Key header`
	_ = r.Header.Values("cookie")        // want `cookies from the Cookie header`
	_ = r.Header["X-Auth-Token"]         // want `token from the X-Auth-Token header`
	_ = r.Header.Get("Content-Type")     // not a credential header
	_ = r.Header                         // want `request headers`
	_ = r.Cookies()                      // want `cookies of the request`
	_ = r.FormValue("access_token")      // want `token from the "access_token" form value`
	_ = r.FormValue("user")              // not a credential parameter
	_ = r.URL.Query().Get("code")        // want `authorization code from the "code" URL parameter`
	_ = r.URL.Query().Get("key")         // "key" alone is too generic
	_, _ = httputil.DumpRequest(r, true) // want `request dump`
	_ = u.User.Password                  // a method value, not a call
	_ = os.Getenv("GITHUB_TOKEN")        // want `token from environment variable GITHUB_TOKEN`
	_ = os.Getenv("TOKEN_URL")           // names the endpoint, holds no secret
	_ = tok.AccessToken                  // want `OAuth2 access token`
	_ = tok.RefreshToken                 // want `OAuth2 refresh token`
	_ = tok.TokenType                    // the type is public
	_ = tok.Expiry                       // the expiry is public
	_ = tok.Extra("id_token")            // want `id token from the OAuth2 token response`
	_ = tok.Extra("scope")               // public
	_ = oc.ClientSecret                  // want `OAuth2 client secret`
	_ = oc.ClientID                      // public
	_ = cc.ClientSecret                  // want `OAuth2 client secret`
	_ = jt.Raw                           // want `raw JWT`
	_ = c.Password                       // want `password in field Password`
	_ = c.PasswordLen                    // a count
	_ = c.TokenURL                       // a URL
	_ = c.APIKey                         // want `API key in field APIKey`
	_ = accessToken                      // want `token in variable accessToken`
	_ = tokenExpiry                      // a time
	_ = apiKey                           // want `API key in package variable apiKey`
	_ = tokenCount                       // a count
	_ = m["password"]                    // want `password in map entry "password"`
	_ = mi["client_secret"]              // want `client secret in map entry "client_secret"`
	_ = m["user"]                        // not a credential key
	_ = m["PWD"]                         // the working directory, not a password
}

func signed(t *jwt.Token) {
	_, _ = t.SignedString([]byte("k")) // want `signed JWT`
}

type Unrelated struct {
	TokenURL string
	Count    int
	Next     *Config // printed as an address
}

type WithOAuth2 struct {
	Tok oauth2.Token
}

// DBRef names the Secret and the key in it where the database password
// sits: a reference, no credential.
type DBRef struct {
	DBSecretName string
	DBSecretKey  string
	DBHost       string
}

// AWSKeys holds an AWS secret key; its SecretName is of something else.
type AWSKeys struct {
	AccessKeyID string
	SecretKey   string
	BucketName  string
}

// OrphanKey has a SecretKey with no Secret's name beside it.
type OrphanKey struct {
	DBSecretKey string
	DBHost      string
}
