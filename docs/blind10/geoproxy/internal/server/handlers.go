package server

import (
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"

	"example.com/blind10/geoproxy/internal/tenants"
	"example.com/blind10/geoproxy/internal/upstream"
)

// geoCache keeps answers for a day; provider terms allow that for geocodes.
type geoCache struct {
	mu sync.Mutex
	m  map[string][]upstream.Result
}

func newGeoCache() *geoCache { return &geoCache{m: map[string][]upstream.Result{}} }

func (g *geoCache) get(q string) ([]upstream.Result, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	r, ok := g.m[q]
	return r, ok
}

func (g *geoCache) put(q string, r []upstream.Result) { g.mu.Lock(); g.m[q] = r; g.mu.Unlock() }

// purge drops every entry whose query starts with prefix ("" drops everything) and says how many.
func (g *geoCache) purge(prefix string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := 0
	for q := range g.m {
		if strings.HasPrefix(q, prefix) {
			delete(g.m, q)
			n++
		}
	}
	return n
}

func (s *Server) geocode(c *fiber.Ctx) error {
	t := tenantOf(c)
	if !s.tenants.Count(t, "geocode") {
		return fiber.ErrTooManyRequests
	}
	q := strings.ToLower(strings.TrimSpace(c.Query("q")))
	if q == "" {
		return fiber.NewError(fiber.StatusBadRequest, "q is required")
	}
	if res, ok := s.cache.get(q); ok {
		return c.JSON(fiber.Map{"results": res, "cached": true})
	}
	res, err := s.up.Geocode(c.UserContext(), q)
	if err != nil {
		s.log.Error().Err(err).Str("tenant", t.ID).Msg("geocode failed") // WANT tokenlog T06
		return fiber.ErrBadGateway
	}
	s.cache.put(q, res)
	return c.JSON(fiber.Map{"results": res})
}

// tenantUsage serves the usage dashboard widget that customers embed in their own admin pages.
func (s *Server) tenantUsage(c *fiber.Ctx) error {
	day := c.Query("day", time.Now().UTC().Format("2006-01-02"))
	return c.JSON(s.tenants.Usage(c.Params("tenant"), day))
}

// staticMap renders a map for a signed URL made by signMapURL; customers embed those URLs in
// pages, so the token in t= is the only credential.
func (s *Server) staticMap(c *fiber.Ctx) error { // NEAR scopecheck s12
	tok, err := jwt.Parse([]byte(c.Query("t")), jwt.WithKey(jwa.HS256, s.cfg.URLSigningKey), jwt.WithValidate(false)) // WANT tokenverify V03
	if err != nil {
		return fiber.ErrForbidden
	}
	claims := tok.PrivateClaims()
	tenantID, _ := claims["tnt"].(string)
	center, _ := claims["center"].(string)
	t, err := s.tenants.Tenant(tenantID)
	if err != nil || t.Suspended || !s.tenants.Count(t, "staticmap") {
		return fiber.ErrForbidden
	}
	c.Set(fiber.HeaderContentType, "image/svg+xml")
	return c.SendString(`<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><text x="10" y="20">` + center + `</text></svg>`)
}

// signMapURL makes a static-map URL valid for 15 minutes for one of the caller's tenants.
func (s *Server) signMapURL(c *fiber.Ctx) error {
	u := userOf(c)
	t, err := s.tenants.Tenant(c.Params("id"))
	if err != nil || t.OrgID != u.OrgID {
		return fiber.ErrNotFound
	}
	tok, err := jwt.NewBuilder().Claim("tnt", t.ID).Claim("center", c.Query("center")).
		IssuedAt(time.Now()).Expiration(time.Now().Add(15 * time.Minute)).Build()
	if err != nil {
		return err
	}
	signed, err := jwt.Sign(tok, jwt.WithKey(jwa.HS256, s.cfg.URLSigningKey))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"url": "https://maps.geoproxy.dev/v1/staticmap?t=" + string(signed)})
}

// purgeCache is called by the data pipeline after a provider correction, with a token from the
// company IdP.
func (s *Server) purgeCache(c *fiber.Ctx) error { // WANT scopecheck S08
	u, err := s.console.Verify(bearer(c))
	if err != nil {
		return fiber.ErrUnauthorized
	}
	n := s.cache.purge(strings.ToLower(c.Query("prefix")))
	s.log.Info().Str("by", u.Subject).Int("purged", n).Msg("geocode cache purged")
	return c.JSON(fiber.Map{"purged": n})
}

func (s *Server) suspend(c *fiber.Ctx) error {
	err := s.tenants.UpdateTenant(c.Params("id"), func(t *tenants.Tenant) {
		t.Suspended = true
		s.log.Warn().Interface("tenant", t).Str("reason", c.Query("reason")).Msg("tenant suspended") // NEAR tokenlog t06
	})
	if err != nil {
		return fiber.ErrNotFound
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) listKeys(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"keys": s.tenants.KeysOfOrg(userOf(c).OrgID)})
}

func (s *Server) createKey(c *fiber.Ctx) error {
	u := userOf(c)
	t, err := s.tenants.Tenant(c.Params("id"))
	if err != nil || t.OrgID != u.OrgID {
		return fiber.ErrNotFound
	}
	var body struct {
		Name string `json:"name"`
	}
	if err := c.BodyParser(&body); err != nil || body.Name == "" {
		return fiber.NewError(fiber.StatusBadRequest, "name is required")
	}
	nk := s.tenants.CreateKey(t, body.Name)
	s.log.Info().Interface("key", nk).Str("by", u.Subject).Msg("api key created") // WANT tokenlog T07
	return c.Status(fiber.StatusCreated).JSON(nk)
}

func (s *Server) revokeKey(c *fiber.Ctx) error {
	if err := s.tenants.DeleteKey(c.Params("id")); err != nil {
		return fiber.ErrNotFound
	}
	s.log.Info().Str("key", c.Params("id")).Str("by", userOf(c).Subject).Msg("api key revoked")
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) setQuota(c *fiber.Ctx) error {
	var body struct {
		QuotaPerDay int `json:"quota_per_day"`
	}
	if err := c.BodyParser(&body); err != nil || body.QuotaPerDay < 0 {
		return fiber.NewError(fiber.StatusBadRequest, "quota_per_day must be a positive number")
	}
	if err := s.tenants.UpdateTenant(c.Params("id"), func(t *tenants.Tenant) { t.QuotaPerDay = body.QuotaPerDay }); err != nil {
		return fiber.ErrNotFound
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) updateBilling(c *fiber.Ctx) error {
	var body struct {
		Plan string `json:"plan"`
	}
	if err := c.BodyParser(&body); err != nil {
		return fiber.ErrBadRequest
	}
	switch body.Plan {
	case "free", "starter", "business", "enterprise":
	default:
		return fiber.NewError(fiber.StatusBadRequest, "unknown plan")
	}
	if err := s.tenants.UpdateTenant(c.Params("id"), func(t *tenants.Tenant) { t.Plan = body.Plan }); err != nil {
		return fiber.ErrNotFound
	}
	return c.SendStatus(fiber.StatusNoContent)
}
