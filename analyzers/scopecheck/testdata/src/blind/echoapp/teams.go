// Package echoapp is a team API on echo v4 with a hand-written JWT
// middleware and a role middleware given per route.
package echoapp

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
)

type TeamClaims struct {
	jwt.RegisteredClaims
	Role string `json:"role"`
}

type TeamService struct {
	teams   map[string][]string
	secrets map[string]string
}

func (s *TeamService) Delete(id string) error { delete(s.teams, id); return nil }
func (s *TeamService) AddMember(id, user string) error {
	s.teams[id] = append(s.teams[id], user)
	return nil
}
func (s *TeamService) RotateSecret(id string) error { s.secrets[id] = "new"; return nil }

type Handler struct {
	svc *TeamService
	key []byte
}

func (h *Handler) JWTAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		raw := strings.TrimPrefix(c.Request().Header.Get("Authorization"), "Bearer ")
		cl := new(TeamClaims)
		if _, err := jwt.ParseWithClaims(raw, cl, func(*jwt.Token) (interface{}, error) { return h.key, nil }); err != nil {
			return echo.NewHTTPError(http.StatusUnauthorized, "invalid token")
		}
		c.Set("claims", cl)
		return next(c)
	}
}

func RequireRole(role string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			cl := c.Get("claims").(*TeamClaims)
			if cl.Role != role {
				return echo.NewHTTPError(http.StatusForbidden)
			}
			return next(c)
		}
	}
}

func (h *Handler) DeleteTeam(c echo.Context) error {
	if err := h.svc.Delete(c.Param("id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (h *Handler) AddMember(c echo.Context) error {
	return h.svc.AddMember(c.Param("id"), c.QueryParam("user"))
}

func (h *Handler) RotateSecret(c echo.Context) error {
	cl := c.Get("claims").(*TeamClaims)
	if cl.Role != "owner" {
		return echo.NewHTTPError(http.StatusForbidden, "owners only")
	}
	return h.svc.RotateSecret(c.Param("id"))
}

func (h *Handler) Register(e *echo.Echo) {
	g := e.Group("/api/v1", h.JWTAuth)
	g.DELETE("/teams/:id", h.DeleteTeam)                            // POS:echo-delete
	g.POST("/teams/:id/members", h.AddMember, RequireRole("owner")) // NEG: role middleware on the route
	g.POST("/teams/:id/secret", h.RotateSecret)                     // NEG: inline role check
}
