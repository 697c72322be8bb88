package cookie

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

// secureCookie sets the flags on every path.
func secureCookie(c *http.Cookie) {
	c.Secure = true
	c.HttpOnly = true
	c.SameSite = http.SameSiteLaxMode
}

// sometimes sets the flags only in production.
func sometimes(c *http.Cookie, prod bool) {
	if prod {
		c.Secure = true
		c.HttpOnly = true
	}
}

// half sets only HttpOnly.
func half(c *http.Cookie) { c.HttpOnly = true }

func viaHelper(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	c := &http.Cookie{Name: "auth", Value: signed}
	secureCookie(c) // sets both flags
	http.SetCookie(w, c)
}

func viaSometimes(w http.ResponseWriter, t *jwt.Token, prod bool) {
	signed, _ := t.SignedString(key)
	c := &http.Cookie{Name: "auth", Value: signed}
	sometimes(c, prod) // the flags depend on prod: unknown
	http.SetCookie(w, c)
}

func viaHalf(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	c := &http.Cookie{Name: "auth", Value: signed} // want `signed JWT reaches cookie "auth" set by http.SetCookie without Secure`
	half(c)
	http.SetCookie(w, c)
}

// newAuthCookie builds a cookie without flags.
func newAuthCookie(value string) *http.Cookie {
	return &http.Cookie{Name: "auth", Value: value, Path: "/"}
}

// newSafeCookie builds a cookie with its flags.
func newSafeCookie(name, value string) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: "/", Secure: true, HttpOnly: true}
}

func builtByHelper(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	http.SetCookie(w, newAuthCookie(signed)) // want `signed JWT reaches cookie "auth" set by http.SetCookie \(built by cookie.newAuthCookie\) without Secure and HttpOnly`
}

func builtSafe(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	http.SetCookie(w, newSafeCookie("auth", signed)) // the builder sets the flags
}

func builtThenFixed(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	c := newAuthCookie(signed)
	c.Secure, c.HttpOnly = true, true
	http.SetCookie(w, c) // flags added after the builder
}

// setAuth sets whatever value it is given in an unprotected cookie.
func setAuth(w http.ResponseWriter, v string) {
	http.SetCookie(w, &http.Cookie{Name: "ck", Value: v})
}

func throughWrapper(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	setAuth(w, signed) // want `signed JWT reaches cookie "ck" set by http.SetCookie via cookie.setAuth without Secure and HttpOnly`
}

func throughWrapperPlain(w http.ResponseWriter, name string) {
	setAuth(w, name) // not a credential
}

// send sets a cookie it is given, hardened.
func send(w http.ResponseWriter, c *http.Cookie) {
	c.Secure = true
	c.HttpOnly = true
	http.SetCookie(w, c)
}

// sendRaw sets a cookie it is given, as is.
func sendRaw(w http.ResponseWriter, c *http.Cookie) {
	http.SetCookie(w, c)
}

func throughSend(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	send(w, &http.Cookie{Name: "auth", Value: signed}) // send hardens it
}

func throughSendRaw(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString(key)
	sendRaw(w, &http.Cookie{Name: "auth", Value: signed}) // want `signed JWT reaches cookie "auth" set by cookie.sendRaw without Secure and HttpOnly`
}
