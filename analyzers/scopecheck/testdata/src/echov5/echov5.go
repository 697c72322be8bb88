package echov5 // want package:"analyzed"

// Routes of echo v5, whose handlers take *echo.Context: groups with
// middleware arguments, Use, and middleware given at the route.

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v5"
)

var secret = []byte("s")

type DB struct{ rows map[string]string }

func (d *DB) Delete(id string) { delete(d.rows, id) } // want Delete:"work\\(deletes from d.rows\\)"

var db = &DB{}

func authn(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error {
		h := c.Request().Header.Get("Authorization")
		tok, err := jwt.Parse(strings.TrimPrefix(h, "Bearer "), func(*jwt.Token) (interface{}, error) { return secret, nil })
		if err != nil {
			return echo.NewHTTPError(http.StatusUnauthorized, "unauthorized")
		}
		c.Set("token", tok)
		return next(c)
	}
}

func staffOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error {
		if c.Get("role") != "admin" {
			return echo.NewHTTPError(http.StatusForbidden, "forbidden")
		}
		return next(c)
	}
}

func deleteItem(c *echo.Context) error {
	db.Delete(c.Param("id"))
	return c.NoContent(http.StatusNoContent)
}

func routes() {
	e := echo.New()
	g := e.Group("/api", authn)
	g.DELETE("/items/:id", deleteItem)                  // want `route "/items/:id" is registered under authenticating middleware echov5.authn`
	g.DELETE("/admin/items/:id", deleteItem, staffOnly) // silent: staffOnly authorizes
	admin := g.Group("/admin")
	admin.Use(staffOnly)
	admin.DELETE("/items/:id", deleteItem) // silent: the group authorizes
	e.DELETE("/open/:id", deleteItem)      // silent: nothing authenticates here
	e.Start(":8080")
}
