// Package authcallback hands echo's key and basic-auth middleware their
// validators. The parameter that receives the presented key or password
// is a credential whatever it is called; the user name, the context and
// the parameters of functions that are no such callback are not.
package authcallback

import (
	"log"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type keyStore interface {
	Validate(k string) (bool, error)
}

type handler struct{ keys keyStore }

// validateKey is KeyAuth's validator, a method value.
func (h *handler) validateKey(key string, c echo.Context) (bool, error) {
	ok, err := h.keys.Validate(key)
	if !ok {
		log.Printf("unknown gateway key %s from %s", key, c.RealIP()) // want `API key in parameter key \(the key echo's KeyAuth middleware hands its validator\) reaches log.Printf`
	}
	return ok, err
}

func checkLogin(user, attempt string, c echo.Context) (bool, error) {
	log.Printf("login attempt by %s", user)
	log.Printf("login attempt %s:%s", user, attempt) // want `password in parameter attempt \(the password echo's BasicAuth middleware hands its validator\) reaches log.Printf`
	return false, nil
}

// lookup has the validator's shape but is no validator.
func lookup(name string, c echo.Context) (bool, error) {
	log.Printf("lookup %s", name)
	return false, nil
}

func routes(h *handler) []echo.MiddlewareFunc {
	_, _ = lookup("x", nil)
	return []echo.MiddlewareFunc{
		middleware.KeyAuth(h.validateKey),
		middleware.BasicAuth(checkLogin),
		middleware.KeyAuthWithConfig(middleware.KeyAuthConfig{
			KeyLookup: "header:X-API-Key",
			Validator: func(k string, c echo.Context) (bool, error) {
				log.Printf("key %q", k) // want `API key in parameter k \(the key echo's KeyAuth middleware hands its validator\) reaches log.Printf`
				return k != "", nil
			},
		}),
	}
}
