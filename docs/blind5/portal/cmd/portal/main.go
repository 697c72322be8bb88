package main

import (
	"os"

	"github.com/labstack/echo/v4"
	"github.com/sirupsen/logrus"

	"example.com/blind5/portal/internal/auth"
	"example.com/blind5/portal/internal/web"
)

const adminHash = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy" // NEAR hardcodedcred h16

type users map[string]string

func (u users) PasswordHash(email string) (string, bool) { h, ok := u[email]; return h, ok }

func main() {
	log := logrus.New()
	log.SetFormatter(&logrus.JSONFormatter{})
	cfg := auth.Config(os.Getenv("PORTAL_REDIRECT_URL")) // NEAR oauthredirect o09
	if os.Getenv("PORTAL_DEV") == "1" {
		cfg = auth.DevConfig()
	}
	log.WithField("client_id", cfg.ClientID).WithField("redirect", cfg.RedirectURL).Info("oauth configured") // NEAR tokenlog t22
	log.WithField("oauth", cfg).Debug("oauth client")                                                        // WANT tokenlog T23
	e := echo.New()
	h := &web.Handlers{
		OAuth:        cfg,
		Log:          log,
		AllowedHosts: map[string]bool{"eu.portal.example.com": true, "us.portal.example.com": true},
		Users:        users{"admin@portal.example.com": adminHash},
		DocsHost:     "docs.example.com",
	}
	h.Register(e)
	log.Fatal(e.Start(":3000"))
}
