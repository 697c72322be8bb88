package twotier // want package:"analyzed"

// Each route gets its access level at the registration: signed-in
// users, or administrators.

import (
	"net/http"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
)

var key = []byte(os.Getenv("JWT_KEY"))

type store struct{ rows map[string]string }

func (s *store) Save(kind, id string) error { // want Save:"work"
	s.rows[kind+id] = id
	return nil
}

func (s *store) Delete(kind, id string) error { // want Delete:"work"
	delete(s.rows, kind+id)
	return nil
}

var db = &store{}

var basePath = os.Getenv("BASE_PATH")

func validSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header.Get("Authorization")
		if _, err := jwt.Parse(strings.TrimPrefix(h, "Bearer "), func(*jwt.Token) (interface{}, error) { return key, nil }); err != nil {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		return next(c)
	}
}

func needsAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Get("admin") != true {
			return echo.NewHTTPError(http.StatusForbidden)
		}
		return next(c)
	}
}

func requireScope(scope string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if c.Get("scope") != scope {
				return echo.NewHTTPError(http.StatusForbidden)
			}
			return next(c)
		}
	}
}

func saveClient(c echo.Context) error   { return db.Save("client", c.Param("id")) }
func removeClient(c echo.Context) error { return db.Delete("client", c.Param("id")) }
func saveUser(c echo.Context) error     { return db.Save("user", c.Param("id")) }
func removeUser(c echo.Context) error   { return db.Delete("user", c.Param("id")) }
func saveSettings(c echo.Context) error { return db.Save("settings", c.Param("id")) }

// Two tiers chosen route by route: the client routes are for every
// signed-in user, the user routes for administrators.
func twoTiers() {
	app := echo.New()
	app.POST(basePath+"/new-client", saveClient, validSession)
	app.POST(basePath+"/remove-client", removeClient, validSession)
	app.POST(basePath+"/users", saveUser, validSession, needsAdmin)
	app.DELETE(basePath+"/users/:id", removeUser, validSession, needsAdmin)
	app.POST(basePath+"/global-settings", saveSettings, validSession, needsAdmin)
	app.Start(":8080")
}

// Near miss: a route of a gated resource left without the gate.
func forgotten() {
	app := echo.New()
	app.POST("/clients", saveClient, validSession)
	app.POST("/users", saveUser, validSession, needsAdmin)
	app.POST("/settings", saveSettings, validSession, needsAdmin)
	app.DELETE("/users/:id", removeUser, validSession) // want `route "/users/:id" is registered under authenticating middleware twotier.validSession`
	app.Start(":8081")
}

// Near miss: per-resource permissions; a route without one was not
// given a tier.
func permissions() {
	app := echo.New()
	app.POST("/users", saveUser, validSession, requireScope("users:write"))
	app.POST("/projects", saveUser, validSession, requireScope("projects:write"))
	app.POST("/clients", saveClient, validSession) // want `route "/clients" is registered under authenticating middleware twotier.validSession`
	app.Start(":8082")
}

// Near miss: authentication for the whole group, not chosen per route.
func blanket() {
	app := echo.New()
	g := app.Group("/api", validSession)
	g.POST("/clients", saveClient) // want `route "/clients" is registered under authenticating middleware twotier.validSession`
	g.POST("/users", saveUser, needsAdmin)
	app.Start(":8083")
}

// Near miss: the admin namespace of the same resource is gated.
func adminNamespace() {
	app := echo.New()
	app.DELETE("/videos/:id", removeClient, validSession) // want `route "/videos/:id" is registered under authenticating middleware twotier.validSession`
	app.DELETE("/admin/videos/:id", removeClient, validSession, needsAdmin)
	app.POST("/admin/settings", saveSettings, validSession, needsAdmin)
	app.Start(":8084")
}

// Near miss: one gated route is no evidence of tiers.
func oneGated() {
	app := echo.New()
	app.POST("/clients", saveClient, validSession) // want `route "/clients" is registered under authenticating middleware twotier.validSession`
	app.POST("/settings", saveSettings, validSession, needsAdmin)
	app.Start(":8085")
}
