// Package portal is the fleet web portal's API (fiber, session cookies).
package portal

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"example.com/blind6/fleetd/internal/devices"
)

type Portal struct {
	Registry *devices.Registry
}

func (p *Portal) requireUser(c *fiber.Ctx) error {
	sid := c.Cookies("fleet_session")
	if sid == "" {
		return fiber.ErrUnauthorized
	}
	u, err := p.Registry.UserBySession(c.UserContext(), sid)
	if err != nil {
		return fiber.ErrUnauthorized
	}
	c.Locals("user", u)
	return c.Next()
}

func user(c *fiber.Ctx) *devices.User { return c.Locals("user").(*devices.User) }

func (p *Portal) requireRole(role string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if !slices.Contains(user(c).Roles, role) {
			return fiber.ErrForbidden
		}
		return c.Next()
	}
}

func (p *Portal) App() *fiber.App {
	app := fiber.New()
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.SendString("ok") }) // NEAR scopecheck s46

	api := app.Group("/api", p.requireUser)
	api.Get("/devices", p.listDevices)                                          // NEAR scopecheck s47
	api.Post("/devices/:id/unlock", p.unlockDevice)                             // WANT scopecheck S26
	api.Post("/devices/:id/transfer", p.requireRole("fleet-admin"), p.transfer) // NEAR scopecheck s48
	api.Delete("/tenants/:tid/keys/:kid", p.revokeKey)                          // WANT scopecheck S27
	api.Delete("/keys/:kid", p.revokeOwnKey)                                    // NEAR scopecheck s49
	return app
}

func (p *Portal) listDevices(c *fiber.Ctx) error {
	ds, err := p.Registry.OfTenant(c.UserContext(), user(c).TenantID)
	if err != nil {
		return err
	}
	return c.JSON(ds)
}

// unlockDevice unlocks any tenant's device.
func (p *Portal) unlockDevice(c *fiber.Ctx) error {
	if err := p.Registry.SetLocked(c.UserContext(), c.Params("id"), false); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (p *Portal) transfer(c *fiber.Ctx) error {
	if err := p.Registry.Transfer(c.UserContext(), c.Params("id"), c.Query("tenant")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// revokeKey revokes a key of the tenant in the path, not the caller's tenant.
func (p *Portal) revokeKey(c *fiber.Ctx) error {
	if err := p.Registry.RevokeKey(c.UserContext(), c.Params("tid"), c.Params("kid")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (p *Portal) revokeOwnKey(c *fiber.Ctx) error {
	if err := p.Registry.RevokeKey(c.UserContext(), user(c).TenantID, c.Params("kid")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
