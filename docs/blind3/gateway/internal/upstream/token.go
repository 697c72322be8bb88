// Package upstream keeps the gateway's own OAuth2 token for the upstream API.
package upstream

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Source refreshes and caches a client-credentials token.
type Source struct {
	conf   clientcredentials.Config
	log    *slog.Logger
	mu     sync.Mutex
	tok    *oauth2.Token
	leeway time.Duration
}

// NewSource builds a token source.
func NewSource(tokenURL, clientID, clientSecret string, log *slog.Logger) *Source {
	s := &Source{
		conf:   clientcredentials.Config{ClientID: clientID, ClientSecret: clientSecret, TokenURL: tokenURL, Scopes: []string{"orders:read"}},
		log:    log,
		leeway: 30 * time.Second,
	}
	log.Info("upstream oauth client", "client_id", clientID, "token_url", tokenURL) // NEAR tokenlog t14
	log.Debug("upstream oauth config", "conf", s.conf)                              // WANT tokenlog T10
	return s
}

// Token returns a valid token, refreshing when needed.
func (s *Source) Token(ctx context.Context) (*oauth2.Token, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tok != nil && time.Until(s.tok.Expiry) > s.leeway {
		return s.tok, nil
	}
	tok, err := s.conf.Token(ctx)
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			s.log.Error("token endpoint refused", "status", re.Response.StatusCode, "error_code", re.ErrorCode) // NEAR tokenlog t15
		}
		return nil, fmt.Errorf("upstream: fetch token for %s: %w", s.conf.ClientID, err) // NEAR tokenlog t16
	}
	s.log.Info("upstream token refreshed", "type", tok.TokenType, "expiry", tok.Expiry, "expires_in", time.Until(tok.Expiry).Round(time.Second)) // NEAR tokenlog t17
	s.log.Debug("upstream token", "access_token", tok.AccessToken)                                                                               // WANT tokenlog T11
	s.tok = tok
	return tok, nil
}

// Describe is used by the status page.
func (s *Source) Describe() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tok == nil {
		return "no token"
	}
	return fmt.Sprintf("token %v", s.tok) // ALT T16
}
