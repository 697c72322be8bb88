// Package fetchedtoken reads the claims of tokens without verifying
// them: those it fetched itself from the token endpoint through its
// own client are trusted as an oauth2.Token is; those that come from a
// request are not.
package fetchedtoken

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"fetchclient"

	"github.com/golang-jwt/jwt/v5"
)

type tokenAnswer struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
}

// fetch is this package's own token fetcher (form.Set("grant_type")).
func fetch(ctx context.Context, tokenURL string) (tokenAnswer, error) {
	form := url.Values{}
	form.Set("grant_type", "client_credentials")
	var a tokenAnswer
	resp, err := http.PostForm(tokenURL, form)
	if err != nil {
		return a, err
	}
	defer resp.Body.Close()
	return a, json.NewDecoder(resp.Body).Decode(&a)
}

// Silent: the token Login fetched from the token endpoint.
func serviceClaims(ctx context.Context, c *fetchclient.Client) (*jwt.RegisteredClaims, error) {
	var (
		tok *fetchclient.TokenResponse
		err error
	)
	if c.Secret != "" {
		tok, err = c.Login(ctx)
	} else {
		tok, err = c.Login(context.Background())
	}
	if err != nil {
		return nil, err
	}
	claims := &jwt.RegisteredClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(tok.AccessToken, claims); err != nil {
		return nil, err
	}
	return claims, nil
}

// Silent: the token this package's own fetcher got.
func ownSubject(ctx context.Context, tokenURL string) (string, error) {
	a, err := fetch(ctx, tokenURL)
	if err != nil {
		return "", err
	}
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(a.AccessToken, claims); err != nil {
		return "", err
	}
	if claims["sub"] == "" {
		return "", nil
	}
	return claims["sub"].(string), nil
}

// Near miss: a token response decoded from the caller's request.
func fromBody(r *http.Request) (*jwt.RegisteredClaims, error) {
	var resp fetchclient.TokenResponse
	if err := json.NewDecoder(r.Body).Decode(&resp); err != nil {
		return nil, err
	}
	claims := &jwt.RegisteredClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(resp.AccessToken, claims); err != nil { // want `are returned as the result`
		return nil, err
	}
	return claims, nil
}

// Near miss: Relay reads grant_type, it does not send it.
func relayed(r *http.Request) (*jwt.RegisteredClaims, error) {
	tok, err := fetchclient.Relay(r)
	if err != nil {
		return nil, err
	}
	claims := &jwt.RegisteredClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(tok.AccessToken, claims); err != nil { // want `are returned as the result`
		return nil, err
	}
	return claims, nil
}

// Near miss: the variable holds a fetched token or the caller's.
func either(ctx context.Context, c *fetchclient.Client, r *http.Request) (*jwt.RegisteredClaims, error) {
	tok, err := c.Login(ctx)
	if r.Header.Get("Authorization") != "" {
		tok = &fetchclient.TokenResponse{AccessToken: strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")}
	}
	if err != nil {
		return nil, err
	}
	claims := &jwt.RegisteredClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(tok.AccessToken, claims); err != nil { // want `are returned as the result`
		return nil, err
	}
	return claims, nil
}

// Near miss: the function fetched a token, but parses the caller's.
func callerBeside(ctx context.Context, c *fetchclient.Client, r *http.Request) (*jwt.RegisteredClaims, error) {
	if _, err := c.Login(ctx); err != nil {
		return nil, err
	}
	claims := &jwt.RegisteredClaims{}
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // want `are returned as the result`
		return nil, err
	}
	return claims, nil
}

// Near miss: Probe posts grant_type, but its answer is no token
// response; the subject it names is the caller's token's.
func probed(ctx context.Context, c *fetchclient.Client, raw string) (bool, error) {
	st, err := c.Probe(ctx)
	if err != nil {
		return false, err
	}
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // want `are returned as the result`
		return false, err
	}
	return st.Active && claims["sub"] == st.Subject, nil
}
