package fix

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
)

func oneLine(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString([]byte("k"))
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: signed}) // want `signed JWT reaches cookie "auth"`
}

func multiLine(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString([]byte("k"))
	http.SetCookie(w, &http.Cookie{ // want `signed JWT reaches cookie "auth"`
		Name:  "auth",
		Value: signed,
		Path:  "/",
	})
}

func halfSet(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString([]byte("k"))
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: signed, HttpOnly: true}) // want `signed JWT reaches cookie "auth" set by http.SetCookie without Secure`
}

func explicitFalse(w http.ResponseWriter, t *jwt.Token) {
	signed, _ := t.SignedString([]byte("k"))
	// Secure: false is a decision the fix does not undo.
	http.SetCookie(w, &http.Cookie{Name: "auth", Value: signed, Secure: false}) // want `signed JWT reaches cookie "auth"`
}

func fiberCookie(c *fiber.Ctx, t *jwt.Token) {
	signed, _ := t.SignedString([]byte("k"))
	c.Cookie(&fiber.Cookie{Name: "jwt", Value: signed}) // want `signed JWT reaches cookie "jwt" set by fiber.Ctx.Cookie without Secure and HttpOnly`
}
