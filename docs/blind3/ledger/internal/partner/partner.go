// Package partner is the partner API on echo, authenticated with tenant API keys.
package partner

import (
	"net/http"
	"sync"

	"github.com/labstack/echo/v4"
)

// Tenant is a partner tenant.
type Tenant struct {
	ID    string
	Name  string
	Perms map[string]bool
}

// Webhook is a tenant's webhook.
type Webhook struct {
	ID       string
	TenantID string
	URL      string
}

// API is the partner API.
type API struct {
	mu       sync.Mutex
	keys     map[string]*Tenant
	tenants  map[string]*Tenant
	webhooks map[string]*Webhook
	plans    map[string]string
}

// New builds the API.
func New() *API {
	return &API{keys: map[string]*Tenant{}, tenants: map[string]*Tenant{}, webhooks: map[string]*Webhook{}, plans: map[string]string{}}
}

func (a *API) keyAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		a.mu.Lock()
		t, ok := a.keys[c.Request().Header.Get("X-Partner-Key")]
		a.mu.Unlock()
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized, "invalid key")
		}
		c.Set("tenant", t)
		return next(c)
	}
}

func requirePerm(perm string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if t, _ := c.Get("tenant").(*Tenant); t == nil || !t.Perms[perm] {
				return echo.NewHTTPError(http.StatusForbidden)
			}
			return next(c)
		}
	}
}

// Register adds the routes.
func (a *API) Register(e *echo.Echo) {
	g := e.Group("/v1", a.keyAuth)
	g.POST("/webhooks", a.createWebhook)                       // NEAR scopecheck s36
	g.DELETE("/webhooks/:id", a.deleteWebhook)                 // NEAR scopecheck s37
	g.DELETE("/tenants/:id", a.deleteTenant)                   // WANT scopecheck S19
	g.POST("/plans", a.createPlan, requirePerm("plans:write")) // NEAR scopecheck s38
	g.PUT("/tenants/:id/name", a.renameTenant)                 // WANT scopecheck S20
}

func (a *API) createWebhook(c echo.Context) error {
	t := c.Get("tenant").(*Tenant)
	a.mu.Lock()
	defer a.mu.Unlock()
	w := &Webhook{ID: c.FormValue("id"), TenantID: t.ID, URL: c.FormValue("url")}
	a.webhooks[w.ID] = w
	return c.JSON(http.StatusCreated, w)
}

func (a *API) deleteWebhook(c echo.Context) error {
	t := c.Get("tenant").(*Tenant)
	a.mu.Lock()
	defer a.mu.Unlock()
	w, ok := a.webhooks[c.Param("id")]
	if !ok || w.TenantID != t.ID {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	delete(a.webhooks, w.ID)
	return c.NoContent(http.StatusNoContent)
}

func (a *API) deleteTenant(c echo.Context) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.tenants, c.Param("id"))
	return c.NoContent(http.StatusNoContent)
}

func (a *API) createPlan(c echo.Context) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.plans[c.FormValue("id")] = c.FormValue("name")
	return c.NoContent(http.StatusCreated)
}

func (a *API) renameTenant(c echo.Context) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if t, ok := a.tenants[c.Param("id")]; ok {
		t.Name = c.FormValue("name")
	}
	return c.NoContent(http.StatusNoContent)
}
