// Package acceptform: a credential read with FormValue, which looks in
// the URL query before the body, as the fallback of a credential header.
package acceptform

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func apiKey(r *http.Request) string {
	key := r.Header.Get("X-Api-Key")
	if key == "" {
		key = r.FormValue("api_key") // want `credential accepted from the "api_key" query parameter \(a form value`
	}
	return key
}

func bearer(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		return h
	}
	return r.FormValue("access_token") // want `bearer token accepted from the "access_token" query parameter \(a form value`
}

func echoKey(c echo.Context) string {
	key := c.Request().Header.Get("X-Api-Key")
	if key == "" {
		key = c.FormValue("api_key") // want `credential accepted from the "api_key" query parameter \(a form value`
	}
	return key
}

// Near misses.

// A form field that is no credential.
func comment(r *http.Request) string {
	_ = r.Header.Get("Authorization")
	return r.FormValue("comment")
}

// A password login form: a password is no bearer token.
func login(r *http.Request) (string, string) {
	_ = r.Header.Get("Authorization")
	return r.FormValue("username"), r.FormValue("password")
}

// The body only (PostFormValue never reads the query).
func postOnly(r *http.Request) string {
	key := r.Header.Get("X-Api-Key")
	if key == "" {
		key = r.PostFormValue("api_key")
	}
	return key
}

// No header alternative: a form-only endpoint.
func formOnly(r *http.Request) string {
	return r.FormValue("api_key")
}

// The anti-forgery token of a form, beside the Authorization header.
func csrf(r *http.Request) string {
	_ = r.Header.Get("Authorization")
	return r.FormValue("csrf_token")
}
