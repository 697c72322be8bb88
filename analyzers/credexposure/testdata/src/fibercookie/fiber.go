package fibercookie

import (
	"os"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
)

func login(c *fiber.Ctx, t *jwt.Token) {
	tokenString, _ := t.SignedString([]byte(os.Getenv("JWT_SECRET")))
	cookie := fiber.Cookie{ // want `signed JWT reaches cookie "jwt" set by fiber.Ctx.Cookie without Secure`
		Name:     "jwt",
		Value:    tokenString,
		Expires:  time.Now().Add(24 * time.Hour),
		HTTPOnly: true,
	}
	c.Cookie(&cookie)
}

func loginNone(c *fiber.Ctx, t *jwt.Token) {
	tokenString, _ := t.SignedString([]byte(os.Getenv("JWT_SECRET")))
	c.Cookie(&fiber.Cookie{Name: "jwt", Value: tokenString, HTTPOnly: true, SameSite: fiber.CookieSameSiteNoneMode}) // want `without Secure \(with SameSite=None\)`
}

func loginSafe(c *fiber.Ctx, t *jwt.Token) {
	tokenString, _ := t.SignedString([]byte(os.Getenv("JWT_SECRET")))
	c.Cookie(&fiber.Cookie{Name: "jwt", Value: tokenString, HTTPOnly: true, Secure: true, SameSite: "Strict"}) // all flags
}

func logout(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{Name: "jwt", Value: "", Expires: time.Now().Add(-time.Hour)}) // a literal value
}
