package fiberroutes // want package:"analyzed"

// Routes of gofiber/fiber: app.Use, Group with middleware handlers,
// Route blocks, and middleware given before the endpoint. Each
// positive has a near miss whose middleware authorizes.

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte("s")

type DB struct{ rows map[string]string }

func (d *DB) Delete(id string) { delete(d.rows, id) } // want Delete:"work\\(deletes from d.rows\\)"

var db = &DB{}

// requireAuth validates the bearer token and stores its claims.
func requireAuth(c *fiber.Ctx) error {
	raw := strings.TrimPrefix(c.Get("Authorization"), "Bearer ")
	tok, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return secret, nil })
	if err != nil {
		return fiber.ErrUnauthorized
	}
	c.Locals("token", tok)
	return c.Next()
}

// requireRole authorizes on the role claim.
func requireRole(role string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		tok := c.Locals("token").(*jwt.Token)
		if tok.Claims.(jwt.MapClaims)["role"] != role {
			return fiber.ErrForbidden
		}
		return c.Next()
	}
}

func deleteItem(c *fiber.Ctx) error {
	db.Delete(c.Params("id"))
	return c.SendStatus(204)
}

func groups() {
	app := fiber.New()
	api := app.Group("/api", requireAuth)
	api.Delete("/items/:id", deleteItem)                             // want `route "/items/:id" is registered under authenticating middleware fiberroutes.requireAuth`
	api.Delete("/admin/items/:id", requireRole("admin"), deleteItem) // silent: requireRole authorizes before the endpoint
	admin := api.Group("/admin", requireRole("admin"))
	admin.Delete("/items/:id", deleteItem)    // silent: the group authorizes
	app.Delete("/open/items/:id", deleteItem) // silent: nothing authenticates here
	app.Listen(":3000")
}

func uses() {
	app := fiber.New()
	app.Use(requireAuth)
	app.Delete("/items/:id", deleteItem) // want `route "/items/:id" is registered under authenticating middleware fiberroutes.requireAuth`
	app.Route("/staff", func(r fiber.Router) {
		r.Use(requireRole("staff"))
		r.Delete("/items/:id", deleteItem) // silent: the Route block authorizes
	})
	app.Route("/team", func(r fiber.Router) {
		r.Delete("/items/:id", deleteItem) // want `route "/items/:id" is registered under authenticating middleware fiberroutes.requireAuth`
	})
}
