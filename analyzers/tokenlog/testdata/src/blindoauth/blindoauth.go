// Package blindoauth is an OAuth2 client integration: code exchange,
// refresh and token caching; written without looking at the analyzer.
package blindoauth

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

type Provider struct {
	Name   string
	Config *oauth2.Config
	Issuer string
}

// tokenInfo is what the service logs about a token.
type tokenInfo struct {
	Type       string
	Expiry     time.Time
	HasRefresh bool
	Scopes     []string
}

func infoOf(t *oauth2.Token, scopes []string) tokenInfo {
	return tokenInfo{Type: t.TokenType, Expiry: t.Expiry, HasRefresh: t.RefreshToken != "", Scopes: scopes}
}

func (p *Provider) Callback(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("code")
	state := r.URL.Query().Get("state")
	if code == "" {
		log.Printf("%s callback without code (state %q, error %q)", p.Name, state, r.URL.Query().Get("error"))
		http.Error(w, "missing code", http.StatusBadRequest)
		return
	}
	tok, err := p.Config.Exchange(r.Context(), code)
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			log.Printf("%s token exchange failed: %s (%s)", p.Name, re.ErrorCode, re.ErrorDescription)
		}
		log.Printf("%s token exchange failed: %v", p.Name, err)
		slog.Error("exchange", "provider", p.Name, "err", err)
		http.Error(w, "login failed", http.StatusBadGateway)
		return
	}
	log.Printf("%s: got %s token, expires %s (in %s), refresh token: %v", p.Name, tok.TokenType, tok.Expiry.Format(time.RFC3339), time.Until(tok.Expiry), tok.RefreshToken != "")
	log.Printf("%s: token info %+v", p.Name, infoOf(tok, p.Config.Scopes))
	log.Printf("%s: scopes %s, token endpoint %s, issuer %s", p.Name, strings.Join(p.Config.Scopes, " "), p.Config.Endpoint.TokenURL, p.Issuer)
	log.Printf("%s: redirect %s client %s", p.Name, p.Config.RedirectURL, p.Config.ClientID)
	log.Printf("%s: valid=%t type=%s", p.Name, tok.Valid(), tok.Type())
	if idt, ok := tok.Extra("id_token").(string); ok {
		log.Printf("%s: id token present (%d bytes)", p.Name, len(idt))
	}
	log.Printf("%s: access token %s", p.Name, tok.AccessToken) // want `reaches log.Printf`
	log.Printf("%s: token %+v", p.Name, tok)                   // want `credential field AccessToken`
	if idt, ok := tok.Extra("id_token").(string); ok {
		log.Printf("%s: id token %s", p.Name, idt) // want `reaches log.Printf`
	}
}

// cachedSource logs refreshes of an underlying token source.
type cachedSource struct {
	name string
	src  oauth2.TokenSource
	last *oauth2.Token
}

func (c *cachedSource) Token() (*oauth2.Token, error) {
	t, err := c.src.Token()
	if err != nil {
		return nil, fmt.Errorf("%s: refreshing token: %w", c.name, err)
	}
	if c.last == nil || c.last.AccessToken != t.AccessToken {
		slog.Info("token refreshed", "source", c.name, "expiry", t.Expiry, "type", t.TokenType)
	}
	c.last = t
	return t, nil
}

func (c *cachedSource) TokenLeaky(ctx context.Context) (*oauth2.Token, error) {
	t, err := c.src.Token()
	if err != nil {
		return nil, err
	}
	slog.Debug("token refreshed", "source", c.name, "access_token", t.AccessToken, "refresh_token", t.RefreshToken) // want `reaches slog.Debug`
	return t, nil
}

func configure(p *Provider) {
	if p.Config.ClientSecret == "" {
		log.Printf("%s: no client secret configured, using PKCE", p.Name)
	}
	log.Printf("%s: client secret set: %t, length %d", p.Name, p.Config.ClientSecret != "", len(p.Config.ClientSecret))
	log.Printf("%s: auth URL %s", p.Name, p.Config.Endpoint.AuthURL)
	log.Printf("%s: config %+v", p.Name, p.Config)                    // want `reaches log.Printf|credential field`
	log.Printf("%s: client secret %s", p.Name, p.Config.ClientSecret) // want `reaches log.Printf`
}
