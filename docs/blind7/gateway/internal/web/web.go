// Package web serves the gateway's browser login and the token endpoints of the dashboard.
package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// Tokens issues and checks tokens for the dashboard.
type Tokens interface {
	Login(user, pass string) (access, refresh string, err error)
	Check(access string) (sub string, err error)
}

// Web serves the dashboard's auth routes.
type Web struct {
	T Tokens
}

// Register installs the routes.
func (wb *Web) Register(r *gin.Engine) {
	r.POST("/dash/login", wb.login)
	r.GET("/dash/prefs", wb.prefs)
	r.GET("/dash/export", wb.export)
	r.GET("/dash/events", wb.events)
}

func (wb *Web) login(c *gin.Context) {
	access, refresh, err := wb.T.Login(c.PostForm("user"), c.PostForm("password"))
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.SetSameSite(http.SameSiteLaxMode)
	c.SetCookie("access_token", access, 900, "/", "", false, true)                    // WANT credexposure C07
	c.SetCookie("refresh_token", refresh, 30*86400, "/dash/refresh", "", true, false) // WANT credexposure C08
	c.SetCookie("XSRF-TOKEN", newCSRF(), 0, "/", "", true, false)                     // NEAR credexposure c11
	c.Status(http.StatusNoContent)
}

func (wb *Web) prefs(c *gin.Context) {
	c.SetCookie("lang", c.DefaultQuery("lang", "en"), 365*86400, "/", "", false, false) // NEAR credexposure c12
	c.SetCookie("dash_session", "", -1, "/", "", false, true)                           // NEAR credexposure c13
	c.Status(http.StatusNoContent)
}

// export serves CSV downloads; the link carries the token because it opens outside the SPA.
func (wb *Web) export(c *gin.Context) {
	tok := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
	if tok == "" {
		tok = c.Query("token") // WANT credexposure C09
	}
	if _, err := wb.T.Check(tok); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.String(http.StatusOK, "id,amount\n")
}

// events is the report list; the query only pages.
func (wb *Web) events(c *gin.Context) {
	tok := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
	if _, err := wb.T.Check(tok); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.JSON(http.StatusOK, gin.H{"page_token": c.Query("page_token")}) // NEAR credexposure c14
}

func newCSRF() string { return "generated" }
