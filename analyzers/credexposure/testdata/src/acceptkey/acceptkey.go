// Package acceptkey: a handler or middleware that takes the caller's
// credential from a credential header (Authorization, X-Api-Key) and
// falls back to the query string, in net/http and in fiber.
package acceptkey

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

func apiKey(r *http.Request) string {
	key := r.Header.Get("X-Api-Key")
	if key == "" {
		key = r.URL.Query().Get("api_key") // want `credential accepted from the "api_key" query parameter as well as the X-Api-Key header`
	}
	return key
}

func fiberKey(c *fiber.Ctx) error {
	key := c.Get("X-Api-Key")
	if key == "" {
		key = c.Query("api_key") // want `credential accepted from the "api_key" query parameter as well as the X-Api-Key header`
	}
	_ = key
	return nil
}

func fiberBearer(c *fiber.Ctx) string {
	if h := c.Get("Authorization"); h != "" {
		return h
	}
	return c.Query("access_token") // want `bearer token accepted from the "access_token" query parameter as well as the Authorization header`
}

// Near misses.

func fiberQueryOnly(c *fiber.Ctx) string {
	return c.Query("ticket") // no header alternative (an EventSource ticket)
}

func fiberRequestID(c *fiber.Ctx) string {
	_ = c.Get("X-Request-Id") // not a credential header
	return c.Query("api_key")
}

func fiberCursor(c *fiber.Ctx) string {
	_ = c.Get("Authorization")
	return c.Query("page_token") // a cursor
}

func fiberCallback(c *fiber.Ctx) string {
	_ = c.Get("Authorization")
	return c.Query("code") + c.Query("state") // the OAuth callback's code and state
}

func csrfHeader(r *http.Request) string {
	_ = r.Header.Get("X-Csrf-Token") // an anti-forgery token, not the caller's credential
	return r.URL.Query().Get("access_token")
}
