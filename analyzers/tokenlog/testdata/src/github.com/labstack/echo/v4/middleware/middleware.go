// Package middleware is a stub of echo's middleware package for tests.
package middleware

import "github.com/labstack/echo/v4"

type KeyAuthValidator func(auth string, c echo.Context) (bool, error)

type BasicAuthValidator func(user, password string, c echo.Context) (bool, error)

type KeyAuthConfig struct {
	KeyLookup string
	Validator KeyAuthValidator
}

func KeyAuth(fn KeyAuthValidator) echo.MiddlewareFunc { return nil }

func KeyAuthWithConfig(config KeyAuthConfig) echo.MiddlewareFunc { return nil }

func BasicAuth(fn BasicAuthValidator) echo.MiddlewareFunc { return nil }
