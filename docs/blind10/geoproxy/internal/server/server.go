// Package server is geoproxy's HTTP front: the keyed geocoding API, the developer console's API
// and a few internal endpoints.
package server

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"
	"github.com/rs/zerolog"

	"example.com/blind10/geoproxy/internal/config"
	"example.com/blind10/geoproxy/internal/console"
	"example.com/blind10/geoproxy/internal/tenants"
	"example.com/blind10/geoproxy/internal/upstream"
)

type Server struct {
	cfg     config.Config
	tenants *tenants.Store
	up      *upstream.Clients
	console *console.Verifier
	cache   *geoCache
	log     zerolog.Logger
}

func New(cfg config.Config, ts *tenants.Store, up *upstream.Clients, cv *console.Verifier, log zerolog.Logger) *Server {
	return &Server{cfg: cfg, tenants: ts, up: up, console: cv, cache: newGeoCache(), log: log}
}

func (s *Server) App() *fiber.App {
	app := fiber.New(fiber.Config{ErrorHandler: s.errorHandler, DisableStartupMessage: true})
	app.Use(s.accessLog)

	app.Get("/healthz", func(c *fiber.Ctx) error { return c.SendString("ok") })
	app.Get("/v1/staticmap", s.staticMap)                             // ALT s12
	app.Post("/internal/cache/purge", s.purgeCache)                   // ALT S08
	app.Post("/internal/tenants/:id/suspend", s.adminOnly, s.suspend) // NEAR scopecheck s13

	api := app.Group("/v1", s.requireKey)
	api.Get("/geocode", s.geocode)           // NEAR scopecheck s08
	api.Get("/usage/:tenant", s.tenantUsage) // WANT scopecheck S05

	con := app.Group("/console/api", s.requireConsoleUser)
	con.Get("/keys", s.listKeys)                                                     // NEAR scopecheck s09
	con.Post("/tenants/:id/keys", s.createKey)                                       // NEAR scopecheck s10
	con.Delete("/keys/:id", s.revokeKey)                                             // WANT scopecheck S06
	con.Put("/tenants/:id/quota", s.setQuota)                                        // WANT scopecheck S07
	con.Put("/tenants/:id/billing", s.requireRole("billing_admin"), s.updateBilling) // NEAR scopecheck s11
	con.Post("/tenants/:id/staticmap-urls", s.signMapURL)                            // NEAR scopecheck s14
	return app
}

func (s *Server) accessLog(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	s.log.Info().Str("method", c.Method()).Str("path", c.Path()).Int("status", c.Response().StatusCode()).Dur("took", time.Since(start)).Msg("request") // NEAR tokenlog t05
	return err
}

func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	code := fiber.StatusInternalServerError
	var fe *fiber.Error
	if errors.As(err, &fe) {
		code = fe.Code
	}
	if code >= 500 {
		s.log.Error().Err(err).Str("url", c.OriginalURL()).Msg("request failed") // WANT tokenlog T05
	}
	return c.Status(code).JSON(fiber.Map{"error": utils.StatusMessage(code)})
}

// requireKey authenticates the API key of a customer's app. Browser SDKs cannot set headers on
// script tags, so the key may also come as ?key=, as with Google's JavaScript API.
func (s *Server) requireKey(c *fiber.Ctx) error {
	raw := c.Get("X-Api-Key")
	if raw == "" {
		raw = c.Query("key")
	}
	t, _, err := s.tenants.Authenticate(raw)
	if err != nil {
		if len(raw) >= 8 {
			s.log.Info().Str("key_prefix", raw[:8]).Str("ip", c.IP()).Msg("unknown api key") // NEAR tokenlog t07
		}
		return fiber.ErrUnauthorized
	}
	c.Locals("tenant", t)
	return c.Next()
}

func tenantOf(c *fiber.Ctx) *tenants.Tenant { t, _ := c.Locals("tenant").(*tenants.Tenant); return t }
func userOf(c *fiber.Ctx) *console.User     { u, _ := c.Locals("user").(*console.User); return u }

func bearer(c *fiber.Ctx) string {
	h := c.Get(fiber.HeaderAuthorization)
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return h[7:]
	}
	return ""
}

func (s *Server) requireConsoleUser(c *fiber.Ctx) error {
	u, err := s.console.Verify(bearer(c))
	if err != nil {
		s.log.Debug().Err(err).Msg("console token rejected")
		return fiber.ErrUnauthorized
	}
	c.Locals("user", u)
	return c.Next()
}

func (s *Server) requireRole(role string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if u := userOf(c); u == nil || !u.HasRole(role) {
			return fiber.ErrForbidden
		}
		return c.Next()
	}
}

// adminOnly guards the endpoints the ops tooling calls with the one admin key.
func (s *Server) adminOnly(c *fiber.Ctx) error {
	if c.Get(config.AdminKeyHeader) != s.cfg.AdminKey { // WANT tokenverify V04
		return fiber.ErrUnauthorized
	}
	return c.Next()
}
