// Package sources has one positive per credential source, each beside a
// near miss that logs something about the credential but not the
// credential itself.
package sources

import (
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

func headers(r *http.Request) {
	log.Printf("auth: %s", r.Header.Get("Authorization"))        // want `credentials from the Authorization header reaches log.Printf`
	log.Printf("auth header name: %s", "Authorization")          // silent: the header's name, not its value
	log.Printf("proxy: %s", r.Header.Get("Proxy-Authorization")) // want `credentials from the Proxy-Authorization header reaches log.Printf`
	log.Printf("cookie: %v", r.Header.Values("Cookie"))          // want `cookies from the Cookie header reaches log.Printf`
	log.Printf("key: %s", r.Header.Get("X-API-Key"))             // want `API key from the X-API-Key header reaches log.Printf`
	log.Printf("token: %s", r.Header.Get("X-Auth-Token"))        // want `token from the X-Auth-Token header reaches log.Printf`
	log.Printf("acme: %s", r.Header.Get("X-Acme-Api-Key"))       // want `API key from the X-Acme-Api-Key header reaches log.Printf`
	log.Printf("ct: %s", r.Header.Get("Content-Type"))           // silent: not a credential header
	log.Printf("rid: %s", r.Header.Get("X-Request-Id"))          // silent: not a credential header
	log.Printf("expiry: %s", r.Header.Get("X-Token-Expiry"))     // silent: about the token, not the token
	log.Printf("headers: %v", r.Header)                          // want `request headers with their Authorization and Cookie values reaches log.Printf`
	log.Printf("n headers: %d", len(r.Header))                   // silent: a count
	log.Printf("cookies: %v", r.Cookies())                       // want `cookies of the request reaches log.Printf`
	log.Printf("n cookies: %d", len(r.Cookies()))                // silent: a count
	if c, err := r.Cookie("session"); err == nil {
		log.Printf("session: %s", c.Value) // want `cookie value reaches log.Printf`
		log.Printf("cookie: %s", c.Name)   // silent: the cookie's name
	}
}

func bearer(r *http.Request) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	log.Println("token", tok)                     // want `bearer token from the Authorization header reaches log.Println`
	log.Println("token length", len(tok))         // silent: len sanitizes
	log.Println("token prefix", tok[:4])          // silent: a short prefix identifies without disclosing
	log.Println("token is set", tok != "")        // silent: a comparison
	log.Println("token suffix", tok[len(tok)-4:]) // silent: a short suffix
}

func dumps(r *http.Request) {
	b, _ := httputil.DumpRequest(r, true)
	log.Printf("%s", b) // want `request dump with its Authorization and Cookie headers reaches log.Printf`
	out, _ := httputil.DumpRequestOut(r, false)
	log.Printf("%q", out)                     // want `request dump`
	log.Printf("%s %s", r.Method, r.URL.Path) // silent: method and path
}

func query(u *url.URL, r *http.Request) {
	q := u.Query()
	log.Printf("code=%s", q.Get("code"))             // want `authorization code from the "code" URL parameter reaches log.Printf`
	log.Printf("at=%s", q.Get("access_token"))       // want `token from the "access_token" URL parameter`
	log.Printf("key=%s", q.Get("api_key"))           // want `API key from the "api_key" URL parameter`
	log.Printf("secret=%s", q.Get("client_secret"))  // want `client secret from the "client_secret" URL parameter`
	log.Printf("token=%s", q["token"])               // want `token from the "token" URL parameter`
	log.Printf("state=%s", q.Get("state"))           // silent: state is not a credential
	log.Printf("redirect=%s", q.Get("redirect_uri")) // silent: not a credential
	log.Printf("form=%s", r.FormValue("password"))   // want `password from the "password" form value`
	log.Printf("user=%s", r.FormValue("username"))   // silent: a user name
	if p, ok := u.User.Password(); ok {
		log.Printf("pw=%s", p) // want `password from the URL's user info reaches log.Printf`
	}
	log.Printf("user=%s", u.User.Username()) // silent: a user name
	log.Printf("url=%s", u.Redacted())       // silent: redacted
}

func env() {
	log.Printf("gh=%s", os.Getenv("GITHUB_TOKEN")) // want `token from environment variable GITHUB_TOKEN reaches log.Printf`
	if v, ok := os.LookupEnv("DB_PASSWORD"); ok {
		log.Printf("db=%s", v) // want `password from environment variable DB_PASSWORD`
	}
	log.Printf("url=%s", os.Getenv("TOKEN_URL"))    // silent: a URL
	log.Printf("home=%s", os.Getenv("HOME"))        // silent: not a credential
	log.Printf("name=%s", os.Getenv("SECRET_NAME")) // silent: names a secret, holds none
}

func oauth(tok *oauth2.Token, cfg *oauth2.Config, cc clientcredentials.Config) {
	log.Printf("at=%s", tok.AccessToken)       // want `OAuth2 access token reaches log.Printf`
	log.Printf("rt=%s", tok.RefreshToken)      // want `OAuth2 refresh token reaches log.Printf`
	log.Printf("id=%v", tok.Extra("id_token")) // want `id token from the OAuth2 token response reaches log.Printf`
	log.Printf("expiry=%v", tok.Expiry)        // silent: the expiry is public
	log.Printf("type=%s", tok.Type())          // silent: the token type is public
	log.Printf("valid=%v", tok.Valid())        // silent: a boolean
	log.Printf("cs=%s", cfg.ClientSecret)      // want `OAuth2 client secret reaches log.Printf`
	log.Printf("cid=%s", cfg.ClientID)         // silent: the client id is public
	log.Printf("cc=%s", cc.ClientSecret)       // want `OAuth2 client secret reaches log.Printf`
	log.Printf("token url=%s", cc.TokenURL)    // silent: a URL
	log.Printf("scopes=%v", cfg.Scopes)        // silent: scopes are public
}

func jwts(t *jwt.Token, key []byte) {
	s, err := t.SignedString(key)
	if err != nil {
		return
	}
	log.Printf("jwt=%s", s)           // want `signed JWT reaches log.Printf`
	log.Printf("raw=%s", t.Raw)       // want `raw JWT reaches log.Printf`
	log.Printf("valid=%v", t.Valid)   // silent: a boolean
	log.Printf("claims=%v", t.Claims) // silent: claims are not the token
}

type Settings struct {
	DBPassword  string
	APIKeyBytes []byte
	TokenURL    string
	TokenTTL    int
	SecretName  string
	UserID      string
}

var webhookSecret = os.Getenv("HOOK")

func names(s Settings, password string, userID string, tokenCount int, m map[string]string) {
	log.Printf("pw=%s", s.DBPassword)    // want `password in field DBPassword reaches log.Printf`
	log.Printf("key=%s", s.APIKeyBytes)  // want `API key in field APIKeyBytes reaches log.Printf`
	log.Printf("url=%s", s.TokenURL)     // silent: tokenURL names an endpoint
	log.Printf("ttl=%d", s.TokenTTL)     // silent: a number
	log.Printf("name=%s", s.SecretName)  // silent: names a secret, holds none
	log.Printf("uid=%s", s.UserID)       // silent: a user id
	log.Printf("uid=%s", userID)         // silent: a user id
	log.Printf("n=%d", tokenCount)       // silent: a count
	log.Printf("m=%s", m["api_key"])     // want `API key in map entry "api_key" reaches log.Printf`
	log.Printf("m=%s", m["region"])      // silent: not a credential key
	log.Printf("hook=%s", webhookSecret) // want `secret in package variable webhookSecret reaches log.Printf`
	apiToken := strings.TrimSpace(m["x"])
	log.Printf("t=%s", apiToken) // want `token in variable apiToken reaches log.Printf`
	region := strings.TrimSpace(m["x"])
	log.Printf("r=%s", region) // silent: not a credential name
	login(password)
}

func login(password string) {
	log.Printf("pw=%s", password)          // want `password in parameter password reaches log.Printf`
	log.Printf("pw len=%d", len(password)) // silent: a count
}
