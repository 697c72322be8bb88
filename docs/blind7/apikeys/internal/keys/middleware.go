// Package keys authenticates API clients by API key (echo v4).
package keys

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/bcrypt"
)

// Config holds the static keys of the operators and internal callers.
type Config struct {
	OpsKey      string
	MetricsKey  string
	InternalKey []byte
	BasicUser   string
	BasicPass   string
}

// Auth authenticates requests.
type Auth struct {
	cfg Config
	db  *sql.DB
}

// New returns an Auth.
func New(cfg Config, db *sql.DB) *Auth { return &Auth{cfg: cfg, db: db} }

func hashKey(k string) string {
	sum := sha256.Sum256([]byte(k))
	return hex.EncodeToString(sum[:])
}

// Customer looks the presented key up by its SHA-256 hash.
func (a *Auth) Customer(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		key := c.Request().Header.Get("X-API-Key")
		if key == "" {
			key = c.QueryParam("api_key") // WANT credexposure C10
		}
		var accountID, storedHash string
		err := a.db.QueryRowContext(c.Request().Context(), "SELECT account_id, key_hash FROM api_keys WHERE prefix = $1", prefix(key)).Scan(&accountID, &storedHash)
		if err != nil {
			return echo.ErrUnauthorized
		}
		if storedHash != hashKey(key) { // NEAR tokenverify v24
			return echo.ErrUnauthorized
		}
		c.Set("account", accountID)
		return next(c)
	}
}

// CustomerV2 is Customer without the query fallback.
func (a *Auth) CustomerV2(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		key := c.Request().Header.Get("X-API-Key")
		var accountID string
		if err := a.db.QueryRowContext(c.Request().Context(), "SELECT account_id FROM api_keys WHERE key_hash = $1", hashKey(key)).Scan(&accountID); err != nil { // NEAR credexposure c15
			return echo.ErrUnauthorized
		}
		c.Set("account", accountID)
		return next(c)
	}
}

func prefix(k string) string {
	if len(k) < 8 {
		return k
	}
	return k[:8]
}

// Ops guards the operator routes.
func (a *Auth) Ops(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		got := strings.TrimPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
		if got == "" || got != a.cfg.OpsKey { // WANT tokenverify V22
			return echo.ErrUnauthorized
		}
		return next(c)
	}
}

// Metrics guards /metrics for the scraper.
func (a *Auth) Metrics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !strings.EqualFold(c.Request().Header.Get("X-Metrics-Token"), a.cfg.MetricsKey) { // WANT tokenverify V23
			return c.NoContent(http.StatusForbidden)
		}
		return next(c)
	}
}

// Internal guards service-to-service routes.
func (a *Auth) Internal(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !bytes.Equal([]byte(c.Request().Header.Get("X-Internal-Key")), a.cfg.InternalKey) { // WANT tokenverify V24
			return echo.ErrForbidden
		}
		return next(c)
	}
}

// InternalV2 is Internal in constant time.
func (a *Auth) InternalV2(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if subtle.ConstantTimeCompare([]byte(c.Request().Header.Get("X-Internal-Key")), a.cfg.InternalKey) != 1 { // NEAR tokenverify v25
			return echo.ErrForbidden
		}
		return next(c)
	}
}

// Basic guards the legacy SOAP bridge with basic auth.
func (a *Auth) Basic(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		user, pass, ok := c.Request().BasicAuth()
		if !ok || user != a.cfg.BasicUser || pass != a.cfg.BasicPass { // WANT tokenverify V25
			c.Response().Header().Set("WWW-Authenticate", `Basic realm="bridge"`)
			return echo.ErrUnauthorized
		}
		return next(c)
	}
}

// Login checks a console user's password against its bcrypt hash.
func (a *Auth) Login(c echo.Context) error {
	var hash []byte
	if err := a.db.QueryRowContext(c.Request().Context(), "SELECT pw_hash FROM users WHERE email = $1", c.FormValue("email")).Scan(&hash); err != nil {
		return echo.ErrUnauthorized
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(c.FormValue("password"))) != nil { // NEAR tokenverify v26
		return echo.ErrUnauthorized
	}
	return c.NoContent(http.StatusNoContent)
}

type pwChange struct {
	Old     string `json:"old_password"`
	New     string `json:"new_password"`
	Confirm string `json:"confirm_password"`
}

// ChangePassword validates a password change request.
func (a *Auth) ChangePassword(c echo.Context) error {
	var req pwChange
	if err := c.Bind(&req); err != nil {
		return echo.ErrBadRequest
	}
	if req.New != req.Confirm { // NEAR tokenverify v27
		return echo.NewHTTPError(http.StatusBadRequest, "passwords do not match")
	}
	if req.New == req.Old { // NEAR tokenverify v28
		return echo.NewHTTPError(http.StatusBadRequest, "choose a new password")
	}
	return c.NoContent(http.StatusNoContent)
}
