package authaction // want package:"analyzed"

// Package authaction asks an authenticator it cannot see (an interface)
// whether the caller may do the action the request wants: mediamtx's
// Authenticate(&auth.Request{Action: conf.AuthActionAPI, ...}), whose
// users carry permissions per action. Told the action, the call
// authorizes; told only the credentials, it authenticates.

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type Credentials struct{ User, Pass string }

type Request struct {
	Action      string
	Path        string
	Credentials Credentials
}

type authManager interface {
	Authenticate(req *Request) (string, error)
}

type config struct{ rows map[string]string }

func (c *config) patch(k, v string) { c.rows[k] = v }

type API struct {
	AuthManager authManager
	cfg         *config
}

func (a *API) routes() {
	router := gin.New()
	router.Use(a.middlewareAuth)
	g := router.Group("/v3")
	g.POST("/config/global/patch", a.onConfigPatch) // silent: the authenticator is told the action

	plain := gin.New()
	plain.Use(a.middlewareLogin)
	plain.POST("/config/global/patch", a.onConfigPatch) // want `route "/config/global/patch" is registered under authenticating middleware API.middlewareLogin`
}

func (a *API) middlewareAuth(ctx *gin.Context) {
	req := &Request{
		Action:      "api",
		Credentials: Credentials{User: ctx.GetHeader("X-User"), Pass: ctx.GetHeader("X-Pass")},
	}
	if _, err := a.AuthManager.Authenticate(req); err != nil {
		ctx.AbortWithStatus(http.StatusUnauthorized)
		return
	}
}

// middlewareLogin asks only who the caller is.
func (a *API) middlewareLogin(ctx *gin.Context) {
	req := &Request{
		Path:        ctx.Request.URL.Path,
		Credentials: Credentials{User: ctx.GetHeader("X-User"), Pass: ctx.GetHeader("X-Pass")},
	}
	if _, err := a.AuthManager.Authenticate(req); err != nil {
		ctx.AbortWithStatus(http.StatusUnauthorized)
		return
	}
}

func (a *API) onConfigPatch(ctx *gin.Context) {
	a.cfg.patch(ctx.Param("k"), ctx.Query("v"))
	ctx.Status(http.StatusOK)
}
