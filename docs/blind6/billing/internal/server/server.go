// Package server is the billing API (echo, echo-jwt).
package server

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"

	"example.com/blind6/billing/internal/ledger"
)

type Claims struct {
	jwt.RegisteredClaims
	AccountID string   `json:"acct"`
	Scopes    []string `json:"scopes"`
	Staff     bool     `json:"staff"`
}

func (c *Claims) hasScope(s string) bool { return slices.Contains(c.Scopes, s) }

type Server struct {
	Ledger        *ledger.Ledger
	SigningKey    []byte
	WebhookSecret []byte
}

func claims(c echo.Context) *Claims {
	return c.Get("user").(*jwt.Token).Claims.(*Claims)
}

func requireScope(scope string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if !claims(c).hasScope(scope) {
				return echo.NewHTTPError(http.StatusForbidden, "missing scope "+scope)
			}
			return next(c)
		}
	}
}

func (s *Server) requireStaff(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !claims(c).Staff {
			return echo.ErrForbidden
		}
		return next(c)
	}
}

func (s *Server) Echo() *echo.Echo {
	e := echo.New()
	e.GET("/health", func(c echo.Context) error { return c.String(http.StatusOK, "ok") }) // NEAR scopecheck s28
	e.POST("/psp/webhook", s.PSPWebhook)                                                  // NEAR scopecheck s29

	g := e.Group("/v1", echojwt.WithConfig(echojwt.Config{
		SigningKey:    s.SigningKey,
		NewClaimsFunc: func(echo.Context) jwt.Claims { return new(Claims) },
	}))
	g.GET("/invoices/:id", s.GetInvoice)                                    // NEAR scopecheck s30
	g.POST("/invoices/:id/void", s.VoidInvoice)                             // WANT scopecheck S15
	g.POST("/invoices/:id/pay", s.PayInvoice, requireScope("invoices:pay")) // NEAR scopecheck s31
	g.POST("/credits", s.GrantCredit)                                       // NEAR scopecheck s32
	g.PUT("/plans/:id", s.UpdatePlan)                                       // WANT scopecheck S16
	g.GET("/accounts/:id/usage", s.Usage)                                   // WANT scopecheck S17

	ops := g.Group("/ops", s.requireStaff)
	ops.POST("/accounts/:id/close", s.CloseAccount) // NEAR scopecheck s33
	return e
}

func (s *Server) PSPWebhook(c echo.Context) error {
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return echo.ErrBadRequest
	}
	mac := hmac.New(sha256.New, s.WebhookSecret)
	mac.Write(body)
	want := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(c.Request().Header.Get("X-PSP-Signature"))) {
		return echo.ErrUnauthorized
	}
	var ev struct {
		Type string `json:"type"`
		Ref  string `json:"ref"`
	}
	if err := json.Unmarshal(body, &ev); err != nil {
		return echo.ErrBadRequest
	}
	if ev.Type == "payment.succeeded" {
		if err := s.Ledger.MarkPaidByProvider(c.Request().Context(), ev.Ref); err != nil {
			return err
		}
	}
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) GetInvoice(c echo.Context) error {
	in, err := s.Ledger.Invoice(c.Request().Context(), c.Param("id"))
	if err != nil || in.AccountID != claims(c).AccountID {
		return echo.ErrNotFound
	}
	return c.JSON(http.StatusOK, in)
}

// VoidInvoice voids any account's invoice.
func (s *Server) VoidInvoice(c echo.Context) error {
	in, err := s.Ledger.Invoice(c.Request().Context(), c.Param("id"))
	if err != nil {
		return echo.ErrNotFound
	}
	if in.Status == "paid" {
		return echo.NewHTTPError(http.StatusConflict, "already paid")
	}
	if err := s.Ledger.SetInvoiceStatus(c.Request().Context(), in.ID, "void"); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) PayInvoice(c echo.Context) error {
	if err := s.Ledger.SetInvoiceStatus(c.Request().Context(), c.Param("id"), "pending"); err != nil {
		return err
	}
	return c.NoContent(http.StatusAccepted)
}

func (s *Server) GrantCredit(c echo.Context) error {
	cl := claims(c)
	if !cl.hasScope("credits:grant") {
		return echo.NewHTTPError(http.StatusForbidden, "credits:grant required")
	}
	var req struct {
		AccountID string `json:"account_id"`
		Cents     int64  `json:"cents"`
		Reason    string `json:"reason"`
	}
	if err := c.Bind(&req); err != nil {
		return echo.ErrBadRequest
	}
	return s.Ledger.GrantCredit(c.Request().Context(), req.AccountID, req.Cents, strings.TrimSpace(req.Reason))
}

// UpdatePlan changes a plan's price for every customer on it.
func (s *Server) UpdatePlan(c echo.Context) error {
	var req struct {
		MonthlyCents int64 `json:"monthly_cents"`
	}
	if err := c.Bind(&req); err != nil {
		return echo.ErrBadRequest
	}
	if err := s.Ledger.UpdatePlan(c.Request().Context(), c.Param("id"), req.MonthlyCents); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// Usage reads the usage of the account in the path, whoever asks.
func (s *Server) Usage(c echo.Context) error {
	u, err := s.Ledger.Usage(c.Request().Context(), c.Param("id"))
	if err != nil {
		return echo.ErrNotFound
	}
	return c.JSON(http.StatusOK, u)
}

func (s *Server) CloseAccount(c echo.Context) error {
	if err := s.Ledger.CloseAccount(c.Request().Context(), c.Param("id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
