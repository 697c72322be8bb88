// Package admin is the small admin console of the notify service (gin).
package admin

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
)

// Console is the admin UI.
type Console struct {
	Password   string
	Log        *zap.Logger
	PublicHost string
}

// Register adds the console routes.
func (c *Console) Register(r *gin.Engine) {
	r.POST("/admin/login", c.login)
	r.GET("/admin/logout", c.logout)
	r.GET("/admin/switch-locale", c.locale)
	r.POST("/admin/sso/continue", c.ssoContinue)
}

func (c *Console) login(ctx *gin.Context) {
	pw := ctx.PostForm("password")
	if subtle.ConstantTimeCompare([]byte(pw), []byte(c.Password)) != 1 {
		c.Log.Warn("admin login failed", zap.String("ip", ctx.ClientIP()), zap.String("attempt", pw)) // WANT tokenlog T14
		ctx.String(http.StatusUnauthorized, "wrong password")
		return
	}
	ctx.SetCookie("notify_admin", "1", 3600, "/admin", "", true, true)
	next := ctx.DefaultQuery("next", "/admin")
	ctx.Redirect(http.StatusFound, next) // WANT oauthredirect O01
}

func (c *Console) logout(ctx *gin.Context) {
	ctx.SetCookie("notify_admin", "", -1, "/admin", "", true, true)
	back := ctx.Query("return_to")
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.Contains(back, "\\") {
		back = "/admin"
	}
	ctx.Redirect(http.StatusFound, back) // NEAR oauthredirect o01
}

func (c *Console) locale(ctx *gin.Context) {
	ctx.SetCookie("lang", ctx.Query("lang"), 86400*365, "/", "", true, false)
	ctx.Redirect(http.StatusFound, ctx.GetHeader("Referer")) // NEAR oauthredirect o02
}

type ssoForm struct {
	Ticket   string `form:"ticket"`
	Continue string `form:"continue"`
}

func (c *Console) ssoContinue(ctx *gin.Context) {
	var f ssoForm
	if err := ctx.ShouldBind(&f); err != nil {
		ctx.Status(http.StatusBadRequest)
		return
	}
	ctx.SetCookie("notify_admin", f.Ticket, 3600, "/admin", "", true, true)
	u, err := url.Parse(f.Continue)
	if err != nil || (u.Host != "" && u.Host != c.PublicHost) {
		ctx.Redirect(http.StatusFound, "/admin")
		return
	}
	ctx.Redirect(http.StatusFound, u.String()) // NEAR oauthredirect o03
}
