// Package provider links a tunecast user to their account at the streaming provider
// (authorization code flow) and imports their saved tracks.
package provider

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.uber.org/zap"
	"golang.org/x/oauth2"

	"example.com/blind10/tunecast/internal/config"
	"example.com/blind10/tunecast/internal/store"
)

var ErrBadState = errors.New("state does not match")

type Linker struct {
	conf     *oauth2.Config
	stateKey []byte
	store    *store.Store
	log      *zap.Logger
}

func NewLinker(cfg config.Config, st *store.Store, log *zap.Logger) *Linker {
	return &Linker{
		conf: &oauth2.Config{
			ClientID:     cfg.ProviderClientID,
			ClientSecret: cfg.ProviderClientSecret,
			Endpoint:     oauth2.Endpoint{AuthURL: cfg.ProviderAuthURL, TokenURL: cfg.ProviderTokenURL},
			RedirectURL:  cfg.PublicURL + "/connect/callback",
			Scopes:       []string{"user-library-read", "playlist-read-private", "user-read-recently-played"},
		},
		stateKey: cfg.JWTSecret,
		store:    st,
		log:      log,
	}
}

// state binds the authorization request to the user who started it: time.mac(user|time).
func (l *Linker) state(userID string, at time.Time) string {
	ts := strconv.FormatInt(at.Unix(), 10)
	m := hmac.New(sha256.New, l.stateKey)
	m.Write([]byte(userID + "|" + ts))
	return ts + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (l *Linker) validState(userID, state string) bool {
	ts, _, _ := strings.Cut(state, ".")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Since(time.Unix(sec, 0)) > 10*time.Minute {
		return false
	}
	return hmac.Equal([]byte(state), []byte(l.state(userID, time.Unix(sec, 0)))) // NEAR tokenverify v04
}

// AuthURL is where the web app sends the user to grant access.
func (l *Linker) AuthURL(userID string) string {
	return l.conf.AuthCodeURL(l.state(userID, time.Now()), oauth2.AccessTypeOffline)
}

// Exchange finishes the flow for the logged-in user and stores their provider tokens.
func (l *Linker) Exchange(ctx context.Context, userID, code, state string) error {
	if !l.validState(userID, state) {
		return ErrBadState
	}
	tok, err := l.conf.Exchange(ctx, code)
	if err != nil {
		return fmt.Errorf("provider token exchange: %w", err)
	}
	l.store.LinkAccount(store.LinkedAccount{
		UserID:      userID,
		AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken, Expiry: tok.Expiry,
	})
	l.log.Info("provider account linked", zap.String("user", userID), zap.String("token_type", tok.TokenType), zap.Time("expiry", tok.Expiry)) // NEAR tokenlog t02
	return nil
}

// Refresh renews a linked account's access token ahead of a library sync.
func (l *Linker) Refresh(ctx context.Context, la store.LinkedAccount) (store.LinkedAccount, error) {
	ts := l.conf.TokenSource(ctx, &oauth2.Token{RefreshToken: la.RefreshToken, Expiry: time.Now().Add(-time.Minute)})
	tok, err := ts.Token()
	if err != nil {
		l.log.Warn("provider refresh failed", zap.String("user", la.UserID), zap.String("refresh_token", la.RefreshToken), zap.Error(err)) // WANT tokenlog T01
		return la, err
	}
	la.AccessToken = tok.AccessToken
	la.Expiry = tok.Expiry
	if tok.RefreshToken != "" {
		la.RefreshToken = tok.RefreshToken
	}
	l.store.LinkAccount(la)
	return la, nil
}
