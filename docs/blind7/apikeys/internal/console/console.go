// Package console serves the key management console (echo v4, server-side sessions).
package console

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// Sessions stores console sessions.
type Sessions interface {
	Create(userID string) (id string, err error)
	Delete(id string)
}

// Console serves the console routes.
type Console struct {
	S Sessions
}

// Register installs the routes.
func (cs *Console) Register(e *echo.Echo) {
	e.POST("/console/session", cs.start)
	e.POST("/console/logout", cs.logout)
	e.GET("/console/keys/new", cs.revealKey)
	e.GET("/console/theme", cs.theme)
}

func (cs *Console) start(c echo.Context) error {
	id, err := cs.S.Create(c.Get("user").(string))
	if err != nil {
		return err
	}
	c.SetCookie(&http.Cookie{Name: "console_session", Value: id, Path: "/console", Expires: time.Now().Add(8 * time.Hour)}) // WANT credexposure C14
	return c.NoContent(http.StatusNoContent)
}

func (cs *Console) logout(c echo.Context) error {
	if ck, err := c.Cookie("console_session"); err == nil {
		cs.S.Delete(ck.Value)
	}
	c.SetCookie(&http.Cookie{Name: "console_session", Value: "", Path: "/console", MaxAge: -1, Expires: time.Unix(0, 0)}) // NEAR credexposure c19
	return c.NoContent(http.StatusNoContent)
}

// revealKey shows a freshly created key once; the page reads it from a short-lived cookie.
func (cs *Console) revealKey(c echo.Context) error {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	key := "ak_live_" + base64.RawURLEncoding.EncodeToString(b)
	ck := new(http.Cookie)
	ck.Name = "new_api_key"
	ck.Value = key
	ck.Path = "/console/keys"
	ck.MaxAge = 60
	ck.Secure = true
	c.SetCookie(ck) // WANT credexposure C15
	return c.NoContent(http.StatusNoContent)
}

func (cs *Console) theme(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "theme", Value: c.QueryParam("t"), Path: "/"}) // NEAR credexposure c20
	return c.NoContent(http.StatusNoContent)
}
