// Package fiber is a stub of github.com/gofiber/fiber/v2 for tests.
package fiber

import "time"

type Cookie struct {
	Name     string
	Value    string
	Path     string
	Domain   string
	MaxAge   int
	Expires  time.Time
	Secure   bool
	HTTPOnly bool
	SameSite string
}

const CookieSameSiteNoneMode = "None"

type Ctx struct{}

func (c *Ctx) Cookie(cookie *Cookie)     {}
func (c *Ctx) Cookies(key string) string { return "" }

func (c *Ctx) Get(key string, defaultValue ...string) string   { return "" }
func (c *Ctx) Query(key string, defaultValue ...string) string { return "" }
func (c *Ctx) Set(key, val string)                             {}
