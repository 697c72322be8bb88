// Package ghapp authenticates as the buildhooks GitHub App and hands out installation tokens.
package ghapp

import (
	"bytes"
	"context"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type installationToken struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
}

type App struct {
	id      int64
	key     *rsa.PrivateKey
	baseURL string
	hc      *http.Client
	log     *slog.Logger

	mu     sync.Mutex
	tokens map[int64]installationToken
}

func New(id int64, keyFile, baseURL string, log *slog.Logger) (*App, error) {
	pemBytes, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, err
	}
	key, err := jwt.ParseRSAPrivateKeyFromPEM(pemBytes)
	if err != nil {
		return nil, fmt.Errorf("github app key: %w", err)
	}
	return &App{id: id, key: key, baseURL: baseURL, hc: &http.Client{Timeout: 10 * time.Second}, log: log, tokens: map[int64]installationToken{}}, nil
}

// appJWT authenticates the app itself; GitHub accepts at most ten minutes.
func (a *App) appJWT() (string, error) {
	now := time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.RegisteredClaims{ // NEAR tokenverify v08
		Issuer:    strconv.FormatInt(a.id, 10),
		IssuedAt:  jwt.NewNumericDate(now.Add(-time.Minute)),
		ExpiresAt: jwt.NewNumericDate(now.Add(9 * time.Minute)),
	}).SignedString(a.key)
}

// InstallationToken returns a token for an installation, cached until five minutes before expiry.
func (a *App) InstallationToken(ctx context.Context, installation int64) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if it, ok := a.tokens[installation]; ok && time.Until(it.ExpiresAt) > 5*time.Minute {
		return it.Token, nil
	}
	appTok, err := a.appJWT()
	if err != nil {
		return "", err
	}
	u := fmt.Sprintf("%s/app/installations/%d/access_tokens", a.baseURL, installation)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+appTok)
	req.Header.Set("Accept", "application/vnd.github+json")
	resp, err := a.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return "", fmt.Errorf("installation %d: access_tokens: %s", installation, resp.Status)
	}
	var it installationToken
	if err := json.NewDecoder(resp.Body).Decode(&it); err != nil {
		return "", err
	}
	a.log.Debug("installation token issued", "installation", installation, "token", it.Token, "expires_at", it.ExpiresAt) // WANT tokenlog T08
	a.tokens[installation] = it
	return it.Token, nil
}

// SetStatus reports a commit status on behalf of an installation.
func (a *App) SetStatus(ctx context.Context, installation int64, repo, sha, state, targetURL, desc string) error {
	tok, err := a.InstallationToken(ctx, installation)
	if err != nil {
		return err
	}
	body, _ := json.Marshal(map[string]string{"state": state, "target_url": targetURL, "description": desc, "context": "buildhooks"})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/repos/%s/statuses/%s", a.baseURL, repo, sha), bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "token "+tok)
	resp, err := a.hc.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("status for %s@%s: %s", repo, sha[:7], resp.Status)
	}
	return nil
}
