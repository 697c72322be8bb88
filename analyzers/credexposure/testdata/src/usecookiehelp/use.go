package usecookiehelp

import (
	"net/http"

	"cookiehelp"

	"github.com/golang-jwt/jwt/v5"
)

func hardened(w http.ResponseWriter, t *jwt.Token) {
	c := &http.Cookie{Name: "auth", Value: cookiehelp.Sign(t)}
	cookiehelp.Harden(c) // sets both flags, known from its fact
	http.SetCookie(w, c)
}

func signedElsewhere(w http.ResponseWriter, t *jwt.Token) {
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: cookiehelp.Sign(t)}) // want `signed JWT returned by cookiehelp.Sign reaches cookie "auth" set by http.SetCookie without Secure and HttpOnly`
}

func builtElsewhere(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString([]byte("k"))
	http.SetCookie(w, cookiehelp.New("jwt", signed)) // want `signed JWT reaches cookie "jwt" set by http.SetCookie \(built by cookiehelp.New\) without Secure and HttpOnly`
}

func builtElsewhereTheme(w http.ResponseWriter, theme string) {
	http.SetCookie(w, cookiehelp.New("theme", theme)) // a preference
}

func setElsewhere(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString([]byte("k"))
	cookiehelp.Set(w, signed) // want `signed JWT reaches cookie "c1" set by http.SetCookie via cookiehelp.Set without Secure`
}

func setSessionElsewhere(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString([]byte("k"))
	cookiehelp.SetSession(w, signed) // reported in SetSession itself
}

func disabledFlags(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString([]byte("k"))
	c := cookiehelp.NewDisabled()
	c.Name, c.Value = "token", signed
	http.SetCookie(w, c) // want `signed JWT reaches cookie "token" set by http.SetCookie \(built by cookiehelp.NewDisabled\) without Secure`
}

func alwaysFlags(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString([]byte("k"))
	c := cookiehelp.NewAlways()
	c.Name, c.Value = "token", signed
	http.SetCookie(w, c)
}
