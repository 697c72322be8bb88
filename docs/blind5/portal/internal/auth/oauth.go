// Package auth signs users in to the customer portal through the corporate IdP.
package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"github.com/sirupsen/logrus"
	"golang.org/x/oauth2"
)

const (
	idpAuthorize = "https://login.corp-idp.com/oauth2/authorize"
	idpToken     = "http://login.corp-idp.com/oauth2/token"    // WANT plainhttp P04
	idpUserinfo  = "http://login.corp-idp.com/oauth2/userinfo" // WANT plainhttp P05
	idpLogout    = "https://login.corp-idp.com/oauth2/logout"  // NEAR hardcodedcred h12

	// SessionCookie is the name of the session cookie.
	SessionCookie = "portal_session" // NEAR hardcodedcred h13
	nextCookie    = "portal_next"
)

// Endpoint of the corporate IdP.
var Endpoint = oauth2.Endpoint{AuthURL: idpAuthorize, TokenURL: idpToken}

// Config returns the OAuth2 client of the portal.
func Config(redirectURL string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     "customer-portal",                  // NEAR hardcodedcred h14
		ClientSecret: "pX4vN9qR2sT7wY1zB6cF8hJ3kM5nQ0aD", // WANT hardcodedcred H09
		Endpoint:     Endpoint,
		RedirectURL:  redirectURL,
		Scopes:       []string{"openid", "profile", "email"},
	}
}

// DevConfig is used with `make dev`: the IdP's dev tenant calls back to the local portal.
func DevConfig() *oauth2.Config {
	c := Config("http://localhost:3000/auth/callback")     // NEAR plainhttp p04
	c.ClientSecret = os.Getenv("PORTAL_DEV_CLIENT_SECRET") // NEAR hardcodedcred h15
	return c
}

// Userinfo is the IdP's userinfo response.
type Userinfo struct {
	Sub   string `json:"sub"`
	Email string `json:"email"`
	Name  string `json:"name"`
}

// FetchUserinfo reads the user's profile with the access token.
func FetchUserinfo(ctx context.Context, tok *oauth2.Token, log *logrus.Entry) (*Userinfo, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, idpUserinfo, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		log.WithField("access_token", tok.AccessToken).Warn("userinfo rejected the token") // WANT tokenlog T17
		return nil, fmt.Errorf("userinfo: %s", resp.Status)
	}
	var ui Userinfo
	if err := json.NewDecoder(resp.Body).Decode(&ui); err != nil {
		return nil, err
	}
	log.WithFields(logrus.Fields{"sub": ui.Sub, "token_type": tok.TokenType, "expiry": tok.Expiry}).Info("user signed in") // NEAR tokenlog t19
	return &ui, nil
}

// Refresh renews a token.
func Refresh(ctx context.Context, cfg *oauth2.Config, tok *oauth2.Token) (*oauth2.Token, error) {
	nt, err := cfg.TokenSource(ctx, tok).Token()
	if err != nil {
		return nil, fmt.Errorf("refresh token %s: %w", tok.RefreshToken, err) // WANT tokenlog T18
	}
	logrus.WithField("had_refresh_token", tok.RefreshToken != "").WithField("new_expiry", nt.Expiry).Debug("token refreshed") // NEAR tokenlog t20
	return nt, nil
}
