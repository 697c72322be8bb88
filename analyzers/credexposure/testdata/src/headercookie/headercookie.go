// Package headercookie writes Set-Cookie through a framework's own
// header setter (fiber's Ctx.Set, gin's Context.Header) rather than
// http.Header.
package headercookie

import (
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
)

func fiberLogin(c *fiber.Ctx, t *jwt.Token) {
	signed, _ := t.SignedString([]byte(os.Getenv("JWT_SECRET")))
	ck := &http.Cookie{Name: "session", Value: signed, Path: "/"} // want `without Secure`
	c.Set("Set-Cookie", ck.String())
}

func ginLogin(c *gin.Context, t *jwt.Token) {
	signed, _ := t.SignedString([]byte(os.Getenv("JWT_SECRET")))
	c.Header("Set-Cookie", "session="+signed+"; Path=/; HttpOnly") // want `without Secure`
}

// Near misses.

func fiberSafe(c *fiber.Ctx, t *jwt.Token) {
	signed, _ := t.SignedString([]byte(os.Getenv("JWT_SECRET")))
	ck := &http.Cookie{Name: "session", Value: signed, Path: "/", Secure: true, HttpOnly: true}
	c.Set("Set-Cookie", ck.String())
}

func ginSafe(c *gin.Context, t *jwt.Token) {
	signed, _ := t.SignedString([]byte(os.Getenv("JWT_SECRET")))
	c.Header("Set-Cookie", "session="+signed+"; Path=/; Secure; HttpOnly")
}

func fiberOtherHeader(c *fiber.Ctx, t *jwt.Token) {
	signed, _ := t.SignedString([]byte(os.Getenv("JWT_SECRET")))
	c.Set("X-Session-Token", signed) // not a cookie
}

func ginTheme(c *gin.Context) {
	c.Header("Set-Cookie", "theme="+c.GetHeader("X-Theme")+"; Path=/") // not a credential
}
