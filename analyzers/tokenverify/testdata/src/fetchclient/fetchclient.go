// Package fetchclient is a program's own client for its identity
// provider: Login posts grant_type to the token endpoint and decodes
// the answer.
package fetchclient

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

const grantTypeParam = "grant_type"

// TokenResponse is the token endpoint's answer.
type TokenResponse struct {
	TokenType    string `json:"token_type"`
	AccessToken  string `json:"access_token"`
	IDToken      string `json:"id_token"`
	RefreshToken string `json:"refresh_token,omitempty"`
}

type Client struct {
	TokenURL, ID, Secret string
	HTTP                 *http.Client
}

// Login fetches a token with the client-credentials grant.
func (c *Client) Login(ctx context.Context) (*TokenResponse, error) { // want Login:`fetches a token`
	params := map[string]string{"client_id": c.ID, "client_secret": c.Secret}
	params[grantTypeParam] = "client_credentials"
	form := url.Values{}
	for k, v := range params {
		form.Set(k, v)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.TokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	tok := &TokenResponse{}
	return tok, json.NewDecoder(resp.Body).Decode(tok)
}

// Relay is the token endpoint's side: it reads grant_type from the
// caller's request and hands back the token the caller sent. Not a
// fetcher.
func Relay(r *http.Request) (*TokenResponse, error) {
	if r.PostFormValue("grant_type") != "refresh_token" {
		return nil, http.ErrNotSupported
	}
	return &TokenResponse{AccessToken: r.PostFormValue("access_token")}, nil
}

// Status posts grant_type too, but its answer carries no token. Not a
// fetcher.
type Status struct {
	Active  bool   `json:"active"`
	Subject string `json:"sub"`
}

func (c *Client) Probe(ctx context.Context) (*Status, error) {
	form := url.Values{}
	form.Set("grant_type", "client_credentials")
	resp, err := c.HTTP.PostForm(c.TokenURL, form)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	s := &Status{}
	return s, json.NewDecoder(resp.Body).Decode(s)
}
