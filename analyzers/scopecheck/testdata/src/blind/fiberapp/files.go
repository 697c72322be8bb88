// Package fiberapp is a file store on fiber v2 with a session-cookie
// middleware that keeps the user in Locals.
package fiberapp

import (
	"github.com/gofiber/fiber/v2"
)

type Session struct {
	UserID string
	Admin  bool
}

type Files struct {
	blobs    map[string][]byte
	owners   map[string]string
	sessions map[string]*Session
}

var files = &Files{}

func sessionAuth(c *fiber.Ctx) error {
	sid := c.Cookies("session_id")
	s, ok := files.sessions[sid]
	if !ok {
		return fiber.ErrUnauthorized
	}
	c.Locals("session", s)
	return c.Next()
}

func deleteFile(c *fiber.Ctx) error {
	delete(files.blobs, c.Params("id"))
	return c.SendStatus(fiber.StatusNoContent)
}

func deleteOwnFile(c *fiber.Ctx) error {
	s := c.Locals("session").(*Session)
	id := c.Params("id")
	if files.owners[id] != s.UserID {
		return fiber.ErrForbidden
	}
	delete(files.blobs, id)
	return nil
}

func wipe(c *fiber.Ctx) error {
	s := c.Locals("session").(*Session)
	if !s.Admin {
		return c.SendStatus(fiber.StatusForbidden)
	}
	files.blobs = map[string][]byte{}
	return nil
}

func Routes(app *fiber.App) {
	api := app.Group("/api", sessionAuth)
	api.Delete("/files/:id", deleteFile)       // POS:fiber-delete
	api.Delete("/my/files/:id", deleteOwnFile) // NEG: owner check
	api.Post("/admin/wipe", wipe)              // NEG: admin flag
}
