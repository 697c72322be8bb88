// Package resetfn is the fixture of storefn.go: a password-reset token
// from the request checked against the copy a package-level store keeps
// by e-mail address. The store's result is no request content even
// though the address came from the request.
package resetfn

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"tmpstore"
)

// --- positives ---

// listmonk's reset page: the stored token against the request's.
func Reset(w http.ResponseWriter, r *http.Request) {
	token := strings.TrimSpace(r.URL.Query().Get("token"))
	email := strings.ToLower(r.URL.Query().Get("email"))
	data, err := tmpstore.Check(email)
	if err != nil {
		http.Error(w, "invalid link", http.StatusBadRequest)
		return
	}
	tk, ok := data.(string)
	if !ok || tk != token { // want `compared with !=`
		http.Error(w, "invalid link", http.StatusBadRequest)
		return
	}
}

// The same with the assertion inline.
func Consume(w http.ResponseWriter, r *http.Request) {
	token := r.FormValue("token")
	data, err := tmpstore.Check(r.FormValue("email"))
	if err != nil || data.(string) != token { // want `compared with !=`
		http.Error(w, "invalid link", http.StatusBadRequest)
	}
}

// --- near misses ---

// A function that transforms its argument: both sides are the
// request's own.
func Echoed(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	if tmpstore.Echo(r.URL.Query().Get("token")) != token {
		http.Error(w, "mismatch", http.StatusBadRequest)
	}
}

// The record was fetched by the token itself.
func ByToken(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	data, err := tmpstore.Check(token)
	if err != nil {
		return
	}
	if tk, _ := data.(string); tk != token {
		http.Error(w, "invalid link", http.StatusBadRequest)
	}
}

// listmonk's own shape: echo's context reads the request (credsrc's
// framework reads), the store is a package function.
func ResetEcho(c echo.Context) error {
	var (
		token = strings.TrimSpace(c.QueryParam("token"))
		email = strings.ToLower(strings.TrimSpace(c.QueryParam("email")))
	)
	data, err := tmpstore.Check(email)
	if err != nil {
		return c.String(http.StatusBadRequest, "invalid link")
	}
	tk, ok := data.(string)
	if !ok || tk != token { // want `token from the "token" request parameter compared with !=`
		return c.String(http.StatusBadRequest, "invalid link")
	}
	return nil
}

// Near miss: the same with a parameter that is no credential.
func PageEcho(c echo.Context) error {
	page := c.QueryParam("page")
	data, err := tmpstore.Check("last-page")
	if err != nil {
		return err
	}
	if last, _ := data.(string); last != page {
		return c.String(http.StatusNotFound, "moved")
	}
	return nil
}
