// Package server is the wiki's HTTP API (echo).
package server

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"example.com/blind4/wiki/internal/search"
	"example.com/blind4/wiki/internal/tokens"
)

// Page is a wiki page.
type Page struct {
	Slug, Title, Body, Author string
	Locked                    bool
	ShareToken                string
}

// Server holds the wiki.
type Server struct {
	Checker  *tokens.Checker
	Index    *search.Indexer
	BotKey   string
	AdminKey string
	mu       sync.Mutex
	pages    map[string]*Page
	sessions map[string]string // session id -> user
	audit    []string
}

// New returns a server.
func New(c *tokens.Checker, ix *search.Indexer, botKey, adminKey string) *Server {
	return &Server{Checker: c, Index: ix, BotKey: botKey, AdminKey: adminKey, pages: map[string]*Page{}, sessions: map[string]string{}}
}

func (s *Server) authn(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		raw := strings.TrimPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
		if raw == "" {
			raw = c.QueryParam("access_token") // WANT credexposure C10
		}
		cl, err := s.Checker.CheckAny(raw)
		if err != nil {
			return echo.ErrUnauthorized
		}
		c.Set("claims", cl)
		return next(c)
	}
}

func requireRole(role string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			cl := c.Get("claims").(*tokens.Claims)
			if !slices.Contains(cl.Roles, role) {
				return echo.ErrForbidden
			}
			return next(c)
		}
	}
}

func (s *Server) can(cl *tokens.Claims, action string, p *Page) bool {
	if slices.Contains(cl.Roles, "admin") {
		return true
	}
	switch action {
	case "edit":
		return !p.Locked && (p.Author == cl.Subject || slices.Contains(cl.Roles, "editor"))
	}
	return false
}

// Register adds the routes.
func (s *Server) Register(e *echo.Echo) {
	e.POST("/session", s.login)           // NEAR scopecheck s27
	e.GET("/share/:slug", s.sharedPage)   // NEAR scopecheck s28
	e.POST("/export", s.export)           // NEAR scopecheck s29
	e.POST("/bot/pages/:slug", s.botEdit) // NEAR scopecheck s30

	api := e.Group("/api", s.authn)
	api.GET("/pages/:slug", s.getPage)          // NEAR scopecheck s31
	api.PUT("/pages/:slug", s.putPage)          // NEAR scopecheck s32
	api.DELETE("/pages/:slug", s.deletePage)    // WANT scopecheck S13
	api.POST("/pages/:slug/lock", s.lockPage)   // WANT scopecheck S14
	api.GET("/audit", s.auditLog)               // WANT scopecheck S15
	api.POST("/pages/:slug/share", s.sharePage) // WANT scopecheck S16

	admin := api.Group("/admin", requireRole("admin"))
	admin.POST("/reindex", s.reindex) // NEAR scopecheck s33

	ops := e.Group("/ops")
	ops.Use(middleware.KeyAuth(func(key string, c echo.Context) (bool, error) {
		return subtle.ConstantTimeCompare([]byte(key), []byte(s.AdminKey)) == 1, nil // NEAR tokenverify v18
	}))
	ops.POST("/pages/:slug/purge", s.deletePage) // NEAR scopecheck s34
}

func (s *Server) page(slug string) (*Page, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pages[slug]
	return p, ok
}

func newSessionID() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func secureCookie(name, value string, ttl time.Duration) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: "/", Expires: time.Now().Add(ttl), Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
}

func (s *Server) login(c echo.Context) error {
	cl, err := s.Checker.Check(c.FormValue("id_token"))
	if err != nil {
		return echo.ErrUnauthorized
	}
	sid := newSessionID()
	s.mu.Lock()
	s.sessions[sid] = cl.Subject
	s.mu.Unlock()
	c.SetCookie(&http.Cookie{Name: "wiki_sid", Value: sid, Path: "/", HttpOnly: true})           // WANT credexposure C11
	c.SetCookie(secureCookie("wiki_sid2", sid, 8*time.Hour))                                     // NEAR credexposure c14
	c.SetCookie(&http.Cookie{Name: "wiki_csrf", Value: newSessionID(), Path: "/", Secure: true}) // NEAR credexposure c15
	remember := new(http.Cookie)
	remember.Name = "wiki_remember"
	remember.Value = c.FormValue("id_token")
	remember.Expires = time.Now().Add(30 * 24 * time.Hour)
	c.SetCookie(remember)                                                                 // WANT credexposure C12
	c.SetCookie(&http.Cookie{Name: "wiki_theme", Value: c.FormValue("theme"), Path: "/"}) // NEAR credexposure c16
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) sharedPage(c echo.Context) error {
	p, ok := s.page(c.Param("slug"))
	if !ok || p.ShareToken == "" { // NEAR tokenverify v19
		return echo.ErrNotFound
	}
	if c.QueryParam("t") != p.ShareToken { // WANT tokenverify V17
		return echo.ErrNotFound
	}
	return c.JSON(http.StatusOK, p)
}

// export dumps every page for users whose token carries the exporter role.
func (s *Server) export(c echo.Context) error {
	raw := strings.TrimPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
	if !slices.Contains(tokens.RolesOf(raw), "exporter") {
		return echo.ErrForbidden
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return c.JSON(http.StatusOK, s.pages)
}

// botEdit lets the chat bot append to a page with the configured bot key.
func (s *Server) botEdit(c echo.Context) error {
	if !strings.EqualFold(c.Request().Header.Get("X-Bot-Key"), s.BotKey) { // WANT tokenverify V18
		return echo.ErrUnauthorized
	}
	p, ok := s.page(c.Param("slug"))
	if !ok {
		return echo.ErrNotFound
	}
	s.mu.Lock()
	p.Body += "\n" + c.FormValue("text")
	s.mu.Unlock()
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) getPage(c echo.Context) error {
	p, ok := s.page(c.Param("slug"))
	if !ok {
		return echo.ErrNotFound
	}
	return c.JSON(http.StatusOK, p)
}

func (s *Server) putPage(c echo.Context) error {
	cl := c.Get("claims").(*tokens.Claims)
	p, ok := s.page(c.Param("slug"))
	if !ok {
		return echo.ErrNotFound
	}
	if !s.can(cl, "edit", p) {
		return echo.ErrForbidden
	}
	s.mu.Lock()
	p.Body = c.FormValue("body")
	s.mu.Unlock()
	return s.Index.Push(p.Slug, p.Body)
}

func (s *Server) deletePage(c echo.Context) error {
	s.mu.Lock()
	delete(s.pages, c.Param("slug"))
	s.mu.Unlock()
	return s.Index.Remove(c.Param("slug"))
}

func (s *Server) lockPage(c echo.Context) error {
	p, ok := s.page(c.Param("slug"))
	if !ok {
		return echo.ErrNotFound
	}
	s.mu.Lock()
	p.Locked = true
	s.mu.Unlock()
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) auditLog(c echo.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return c.JSON(http.StatusOK, s.audit)
}

func (s *Server) sharePage(c echo.Context) error {
	p, ok := s.page(c.Param("slug"))
	if !ok {
		return echo.ErrNotFound
	}
	s.mu.Lock()
	p.ShareToken = newSessionID()
	s.mu.Unlock()
	return c.JSON(http.StatusOK, map[string]string{"url": "/share/" + p.Slug + "?t=" + p.ShareToken})
}

func (s *Server) reindex(c echo.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.pages {
		_ = s.Index.Push(p.Slug, p.Body)
	}
	return s.Index.Announce("reindexed")
}
