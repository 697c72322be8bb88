// Package api is mailpost's HTTP API: the sending API (API keys), the dashboard API (session
// cookie), the relay's event webhook and the unsubscribe links.
package api

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v4"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/sirupsen/logrus"

	"example.com/blind10/mailpost/internal/config"
	"example.com/blind10/mailpost/internal/keys"
	"example.com/blind10/mailpost/internal/relay"
	"example.com/blind10/mailpost/internal/store"
)

type Server struct {
	cfg      config.Config
	store    *store.Store
	keys     *keys.Registry
	relay    *relay.Client
	fallback *relay.Client
	log      *logrus.Logger
}

func New(cfg config.Config, st *store.Store, kr *keys.Registry, primary, fallback *relay.Client, log *logrus.Logger) *Server {
	return &Server{cfg: cfg, store: st, keys: kr, relay: primary, fallback: fallback, log: log}
}

func (s *Server) Echo() *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.HTTPErrorHandler = s.errorHandler

	e.POST("/v3/mail/send", s.send, s.apiKeyAuth) // NEAR scopecheck s22
	keyed := e.Group("/v3", s.apiKeyAuth)
	keyed.GET("/stats", s.stats, requireKeyScope("stats.read")) // NEAR scopecheck s23
	keyed.GET("/messages/:id", s.getMessage)                    // WANT scopecheck S12
	keyed.DELETE("/suppressions/:address", s.deleteSuppression) // WANT scopecheck S13
	keyed.POST("/domains/:domain/verify", s.verifyDomain)       // NEAR scopecheck s24

	dash := e.Group("/dashboard/api", s.sessionAuth)
	dash.POST("/accounts/:id/api-keys", s.createAPIKey)                           // WANT scopecheck S14
	dash.POST("/accounts/:id/invites", s.invite, s.requireRole("owner", "admin")) // NEAR scopecheck s25

	e.POST("/webhooks/relay", s.relayEvents)   // NEAR scopecheck s26
	e.POST("/u/:token", s.oneClickUnsubscribe) // ALT s27
	e.GET("/unsubscribe", s.legacyUnsubscribe)

	admin := e.Group("/internal", middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{KeyLookup: "header:X-Admin-Key", Validator: s.validAdminKey}))
	admin.POST("/accounts/:id/suspend", s.suspend) // NEAR scopecheck s28
	return e
}

func (s *Server) errorHandler(err error, c echo.Context) {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		_ = c.JSON(he.Code, map[string]any{"error": he.Message})
		return
	}
	s.log.WithError(err).WithField("request", c.Request()).Error("unhandled error") // WANT tokenlog T12
	_ = c.JSON(http.StatusInternalServerError, map[string]any{"error": "internal error"})
}

// apiKeyAuth authenticates the sending API: Authorization: Bearer mp_live_...
func (s *Server) apiKeyAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		raw := strings.TrimPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
		k, err := s.keys.Lookup(raw)
		if err != nil {
			s.log.WithError(err).WithField("ip", c.RealIP()).Warn("api key rejected") // WANT tokenlog T13
			return echo.ErrUnauthorized
		}
		if !k.RevokedAt.IsZero() {
			s.log.WithFields(logrus.Fields{"key_id": k.ID, "account": k.AccountID}).Info("revoked api key used") // NEAR tokenlog t10
			return echo.ErrUnauthorized
		}
		acct, err := s.store.Account(k.AccountID)
		if err != nil || acct.Suspended {
			return echo.NewHTTPError(http.StatusForbidden, "account suspended")
		}
		c.Set("key", k)
		c.Set("account", acct)
		return next(c)
	}
}

func keyOf(c echo.Context) *keys.Key          { k, _ := c.Get("key").(*keys.Key); return k }
func accountOf(c echo.Context) *store.Account { a, _ := c.Get("account").(*store.Account); return a }
func userOf(c echo.Context) string            { u, _ := c.Get("user").(string); return u }

func requireKeyScope(scope string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if k := keyOf(c); k == nil || !k.HasScope(scope) {
				return echo.NewHTTPError(http.StatusForbidden, "key lacks scope "+scope)
			}
			return next(c)
		}
	}
}

// sessionAuth checks the dashboard session cookie (a JWT the login service signs).
func (s *Server) sessionAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ck, err := c.Cookie("mp_session")
		if err != nil {
			return echo.ErrUnauthorized
		}
		var cl jwt.RegisteredClaims
		if _, err := jwt.ParseWithClaims(ck.Value, &cl, func(*jwt.Token) (interface{}, error) { return s.cfg.SessionSecret, nil }); err != nil { // WANT tokenverify V08
			return echo.ErrUnauthorized
		}
		c.Set("user", cl.Subject)
		return next(c)
	}
}

// requireRole admits members of the account in the path who hold one of roles.
func (s *Server) requireRole(roles ...string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			m, err := s.store.Member(c.Param("id"), userOf(c))
			if err != nil || !slices.Contains(roles, m.Role) {
				return echo.ErrForbidden
			}
			return next(c)
		}
	}
}

func (s *Server) validAdminKey(key string, _ echo.Context) (bool, error) {
	return subtle.ConstantTimeCompare([]byte(key), []byte(s.cfg.AdminKey)) == 1, nil // NEAR tokenverify v12
}
