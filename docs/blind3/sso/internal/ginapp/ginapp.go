// Package ginapp is the admin console's login on gin with GitHub OAuth2.
package ginapp

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
	"golang.org/x/oauth2"
)

// Console is the admin console.
type Console struct {
	OAuth       *oauth2.Config
	PublicURL   string // https://console.example.com
	TrustedHost string // console.example.com
}

// Register adds the routes.
func (c *Console) Register(r *gin.Engine) {
	r.GET("/auth/github", c.start)
	r.GET("/auth/github/callback", c.callback)
	r.GET("/auth/github/callback-nostate", c.callbackNoState)
	r.GET("/auth/logout", c.logout)
	r.GET("/auth/switch", c.switchAccount)
	r.GET("/auth/forwarded", c.forwardedStart)
	r.GET("/auth/forwarded-checked", c.forwardedChecked)
	r.GET("/auth/https", c.upgrade)
	r.POST("/auth/password", c.passwordLogin)
	r.GET("/auth/consent", c.consent)
	r.GET("/auth/docs-return", c.docsReturn)
}

func newState() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func (c *Console) start(ctx *gin.Context) {
	st := newState()
	ctx.SetCookie("gh_state", st, 600, "/auth", "", true, true)
	ctx.SetCookie("gh_next", ctx.Query("redirect_uri"), 600, "/auth", "", true, true)
	ctx.Redirect(http.StatusFound, c.OAuth.AuthCodeURL(st)) // NEAR oauthredirect o13
}

func (c *Console) callback(ctx *gin.Context) { // NEAR tokenverify v01
	want, err := ctx.Cookie("gh_state")
	if err != nil || subtle.ConstantTimeCompare([]byte(want), []byte(ctx.Query("state"))) != 1 {
		ctx.AbortWithStatus(http.StatusBadRequest)
		return
	}
	tok, err := c.OAuth.Exchange(ctx, ctx.Query("code"))
	if err != nil {
		ctx.AbortWithStatus(http.StatusBadGateway)
		return
	}
	ctx.SetCookie("console_session", tok.AccessToken, 3600, "/", "", true, true)
	next, _ := ctx.Cookie("gh_next")
	if next == "" {
		next = "/"
	}
	ctx.Redirect(http.StatusFound, next) // WANT oauthredirect R09
}

// callbackNoState is the old callback kept for a mobile client.
func (c *Console) callbackNoState(ctx *gin.Context) { // WANT tokenverify V01
	tok, err := c.OAuth.Exchange(ctx, ctx.Query("code")) // ALT V01
	if err != nil {
		ctx.AbortWithStatus(http.StatusBadGateway)
		return
	}
	ctx.SetCookie("console_session", tok.AccessToken, 3600, "/", "", true, true)
	ctx.Redirect(http.StatusFound, "/") // NEAR oauthredirect o14
}

func (c *Console) logout(ctx *gin.Context) {
	ctx.SetCookie("console_session", "", -1, "/", "", true, true)
	ctx.Redirect(http.StatusFound, ctx.Request.Referer()) // WANT oauthredirect R10
}

// switchAccount logs out and back in, keeping the return URL when it is on the console.
func (c *Console) switchAccount(ctx *gin.Context) {
	ctx.SetCookie("console_session", "", -1, "/", "", true, true)
	next := ctx.Query("next")
	if !strings.HasPrefix(next, c.PublicURL) {
		next = c.PublicURL
	}
	ctx.Redirect(http.StatusFound, next) // WANT oauthredirect R11
}

// forwardedStart builds the callback from the proxy's forwarded host.
func (c *Console) forwardedStart(ctx *gin.Context) {
	st := newState()
	ctx.SetCookie("gh_state", st, 600, "/auth", "", true, true)
	redirect := ctx.GetHeader("X-Forwarded-Proto") + "://" + ctx.GetHeader("X-Forwarded-Host") + "/auth/github/callback"
	ctx.Redirect(http.StatusFound, c.OAuth.AuthCodeURL(st, oauth2.SetAuthURLParam("redirect_uri", redirect))) // WANT oauthredirect R12
}

// forwardedChecked does the same with the forwarded host checked.
func (c *Console) forwardedChecked(ctx *gin.Context) {
	st := newState()
	ctx.SetCookie("gh_state", st, 600, "/auth", "", true, true)
	host := ctx.GetHeader("X-Forwarded-Host")
	if host != c.TrustedHost {
		ctx.AbortWithStatus(http.StatusBadRequest)
		return
	}
	conf := *c.OAuth
	conf.RedirectURL = "https://" + host + "/auth/github/callback" // NEAR oauthredirect o15
	ctx.Redirect(http.StatusFound, conf.AuthCodeURL(st))
}

// upgrade sends plain-HTTP visitors of the login page to HTTPS on the same host.
func (c *Console) upgrade(ctx *gin.Context) {
	u := url.URL{Scheme: "https", Host: ctx.Request.Host, Path: "/auth/github"}
	ctx.Redirect(http.StatusMovedPermanently, u.String()) // NEAR oauthredirect o16
}

type loginForm struct {
	User     string `form:"user" binding:"required"`
	Password string `form:"password" binding:"required"`
	Next     string `form:"next"`
}

// passwordLogin is the break-glass password login; it follows the form's next field.
func (c *Console) passwordLogin(ctx *gin.Context) {
	var f loginForm
	if err := ctx.ShouldBind(&f); err != nil {
		ctx.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if subtle.ConstantTimeCompare([]byte(f.Password), []byte(c.OAuth.ClientSecret)) != 1 {
		ctx.Redirect(http.StatusSeeOther, "/auth/github?error=password") // NEAR oauthredirect o23
		return
	}
	ctx.SetCookie("console_session", f.User, 3600, "/", "", true, true)
	ctx.Redirect(http.StatusSeeOther, f.Next) // WANT oauthredirect R18
}

// consent records the user's consent and continues to the parsed return URL.
func (c *Console) consent(ctx *gin.Context) {
	if _, err := ctx.Cookie("console_session"); err != nil {
		ctx.Redirect(http.StatusFound, "/auth/github") // NEAR oauthredirect o24
		return
	}
	u, err := url.Parse(ctx.Query("return"))
	if err != nil {
		ctx.AbortWithStatus(http.StatusBadRequest)
		return
	}
	ctx.SetCookie("console_consent", "granted", 86400, "/", "", true, true)
	ctx.Redirect(http.StatusFound, u.String()) // WANT oauthredirect R19
}

// docsReturn continues to the docs after login when the URL mentions the docs host.
func (c *Console) docsReturn(ctx *gin.Context) {
	ctx.SetCookie("console_session_hint", "1", 60, "/", "", true, true)
	next := ctx.Query("next")
	if !strings.Contains(next, "docs.example.com") {
		next = "https://docs.example.com/"
	}
	ctx.Redirect(http.StatusFound, next) // WANT oauthredirect R20
}
