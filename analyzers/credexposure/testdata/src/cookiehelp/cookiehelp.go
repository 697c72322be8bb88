// Package cookiehelp holds cookie helpers used from another package,
// reached only through facts.
package cookiehelp

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

// Harden sets the flags on every path.
func Harden(c *http.Cookie) { // want Harden:`cookie param 0: secure=true httponly=true samesite-none=unset sends=false`
	c.Secure = true
	c.HttpOnly = true
}

// New builds a cookie without flags.
func New(name, value string) *http.Cookie { // want New:`returns cookie "": secure=unset httponly=unset samesite-none=unset value-param=1`
	return &http.Cookie{Name: name, Value: value}
}

// Set sets an unprotected cookie holding v.
func Set(w http.ResponseWriter, v string) { // want Set:`param 1 reaches cookie "c1" sent without Secure`
	http.SetCookie(w, &http.Cookie{Name: "c1", Value: v, HttpOnly: true})
}

// SetSession sets an unprotected session cookie: reported here, where
// the cookie's name says what it holds, and not again at its callers.
func SetSession(w http.ResponseWriter, v string) { // want SetSession:`param 1 reaches cookie "session" sent without Secure`
	http.SetCookie(w, &http.Cookie{Name: "session", Value: v, HttpOnly: true}) // want `value of the "session" cookie reaches cookie "session" set by http.SetCookie without Secure`
}

// Sign returns a signed JWT.
func Sign(t *jwt.Token) string { // want Sign:`result 0 is signed JWT`
	s, _ := t.SignedString([]byte("k"))
	return s
}

// NewDisabled sets its flags only inside if false {…}, which never runs
// (uptrace's NewCookie).
func NewDisabled() *http.Cookie { // want NewDisabled:`returns cookie "": secure=unset httponly=true samesite-none=unset value-param=-1`
	c := &http.Cookie{Path: "/", HttpOnly: true}
	if false {
		c.Secure = true
	}
	return c
}

// NewAlways sets them inside if true {…}.
func NewAlways() *http.Cookie { // want NewAlways:`returns cookie "": secure=true httponly=true samesite-none=unset value-param=-1`
	c := &http.Cookie{Path: "/", HttpOnly: true}
	if true {
		c.Secure = true
	}
	return c
}
