package optionalauth // want package:"analyzed"

// a middleware authenticates only if it rejects
// a request whose credential is missing or wrong. One that only stores
// the caller when a token parses (optional authentication) makes the
// routes under it public.

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/jwtauth/v5"
	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
)

var secret = []byte("s")

type store struct{ rows map[string]string }

func (d *store) remove(id string) { delete(d.rows, id) }

func (d *store) all() map[string]string { return d.rows }

var db = &store{}

func keyFunc(*jwt.Token) (interface{}, error) { return secret, nil }

type ctxKey struct{}

// setUser stores the user when a token parses and lets every request
// through; the only rejection is a CSRF check of a valid session, in
// the branch where the token parsed.
func setUser() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		tok, err := jwt.Parse(raw, keyFunc)
		if err == nil {
			c.Set("user", tok)
			if c.GetHeader("X-CSRF-Token") == "" {
				c.AbortWithStatus(http.StatusUnauthorized)
				return
			}
		}
		c.Next()
	}
}

// mustUser rejects a request that has no or a bad token.
func mustUser() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		tok, err := jwt.Parse(raw, keyFunc)
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("user", tok)
		c.Next()
	}
}

// mustUserElse rejects in the else branch of a successful parse.
func mustUserElse() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		if tok, err := jwt.Parse(raw, keyFunc); err == nil {
			c.Set("user", tok)
			c.Next()
		} else {
			c.AbortWithStatus(http.StatusUnauthorized)
		}
	}
}

// mustCtxUser rejects a request for which setUser stored no user.
func mustCtxUser() gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, ok := c.Get("user"); !ok {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

// humansOnly rejects requests made with a node's principal.
func humansOnly() gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, ok := c.Get("nodePrincipal"); ok {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

// failedAuth answers with the error an authenticating middleware
// stored in place of the user.
func failedAuth() gin.HandlerFunc {
	return func(c *gin.Context) {
		u, _ := c.Get("user")
		if err, ok := u.(error); ok {
			_ = err
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

// nodeOnly rejects requests with no node principal.
func nodeOnly() gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, ok := c.Get("nodePrincipal"); !ok {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

// currentUser returns the user setUser stored, or nil.
func currentUser(c *gin.Context) *jwt.Token {
	v, ok := c.Get("user")
	if !ok {
		return nil
	}
	t, _ := v.(*jwt.Token)
	return t
}

// mustHelperUser rejects through a helper reading the stored user.
func mustHelperUser() gin.HandlerFunc {
	return func(c *gin.Context) {
		user := currentUser(c)
		switch user {
		case nil:
			c.String(http.StatusUnauthorized, "User not authorized")
			c.Abort()
		default:
			c.Next()
		}
	}
}

// logCtxUser reads the stored user but lets everyone through.
func logCtxUser() gin.HandlerFunc {
	return func(c *gin.Context) {
		if user := currentUser(c); user == nil {
			c.Set("anonymous", true)
		}
		c.Next()
	}
}

// softAuthMiddleware stores the user when a token parses and returns
// otherwise, without calling Next: gin's chain goes on either way. A
// parsed token without claims is turned away, after the early return:
// on the success path only (nezha's fallbackAuthMiddleware).
func softAuthMiddleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		tok, err := jwt.Parse(raw, keyFunc)
		if err != nil {
			return
		}
		if tok.Claims == nil {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Set("user", tok)
	}
}

// hardAuthMiddleware aborts without a valid token, also without Next.
func hardAuthMiddleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		tok, err := jwt.Parse(raw, keyFunc)
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("user", tok)
	}
}

func deleteItem(c *gin.Context) { db.remove(c.Param("id")) }

func listItems(c *gin.Context) { c.JSON(http.StatusOK, db.all()) }

func ginRoutes() {
	r := gin.New()
	public := r.Group("/badges")
	public.Use(setUser())
	public.GET("/items", listItems)         // silent: optional authentication, a public route
	public.DELETE("/items/:id", deleteItem) // silent: optional authentication, a public route

	api := r.Group("/api")
	api.Use(setUser())
	api.Use(mustUser())
	api.DELETE("/items/:id", deleteItem) // want `route "/items/:id" is registered under authenticating middleware optionalauth.mustUser`

	chain := r.Group("/chain")
	chain.Use(setUser(), mustCtxUser())
	chain.DELETE("/items/:id", deleteItem) // want `route "/items/:id" is registered under authenticating middleware optionalauth.mustCtxUser`

	helper := r.Group("/helper")
	helper.Use(setUser(), mustHelperUser())
	helper.DELETE("/items/:id", deleteItem) // want `route "/items/:id" is registered under authenticating middleware optionalauth.mustHelperUser`

	soft := r.Group("/soft", softAuthMiddleware())
	soft.DELETE("/items/:id", deleteItem) // silent: optional authentication without Next
	softAuthMw := softAuthMiddleware()
	softVar := r.Group("/softvar", softAuthMw)
	softVar.DELETE("/items/:id", deleteItem) // silent: the variable's name says auth, its value lets everyone through
	hard := r.Group("/hard", hardAuthMiddleware())
	hard.DELETE("/items/:id", deleteItem) // want `route "/items/:id" is registered under authenticating middleware optionalauth.hardAuthMiddleware`

	logged := r.Group("/logged")
	logged.Use(setUser(), logCtxUser())
	logged.DELETE("/items/:id", deleteItem) // silent: nothing rejects a request without a user

	alt := r.Group("/alt")
	alt.Use(mustUserElse())
	alt.DELETE("/items/:id", deleteItem) // want `route "/items/:id" is registered under authenticating middleware optionalauth.mustUserElse`

	// A middleware turning away callers of a kind stored in the
	// context (a node's principal) decides what an authenticated
	// caller may do: authorization.
	admin := r.Group("/admin")
	admin.Use(mustUser(), humansOnly())
	admin.DELETE("/items/:id", deleteItem) // silent: humansOnly authorizes by the caller's kind

	// Near miss: one rejecting when no caller of that kind is stored
	// authenticates, and the route is still reported.
	nodes := r.Group("/nodes")
	nodes.Use(nodeOnly())
	nodes.DELETE("/items/:id", deleteItem) // want `route "/items/:id" is registered under authenticating middleware optionalauth.nodeOnly`

	// Near miss: a type test of the stored value (the failure an
	// authenticating middleware left there) is no caller of a kind.
	errs := r.Group("/errs")
	errs.Use(mustUser(), failedAuth())
	errs.DELETE("/items/:id", deleteItem) // want `route "/items/:id" is registered under authenticating middleware`

	lit := r.Group("/lit")
	lit.Use(func(c *gin.Context) { // optional, written in place
		if tok, err := jwt.Parse(c.GetHeader("Authorization"), keyFunc); err == nil {
			c.Set("user", tok)
		}
		c.Next()
	})
	lit.DELETE("/items/:id", deleteItem) // silent: optional authentication, a public route
}

// softAuth is net/http optional authentication: the token, when it
// parses, goes into the context; every request reaches next.
func softAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tok, err := jwt.Parse(r.Header.Get("Authorization"), keyFunc); err == nil {
			r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, tok))
		}
		next.ServeHTTP(w, r)
	})
}

// skipAnonymous lets a request without a token through (next, then
// return), and stores the token when it parses.
func skipAnonymous(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := r.Header.Get("Authorization")
		if raw == "" {
			next.ServeHTTP(w, r)
			return
		}
		if tok, err := jwt.Parse(raw, keyFunc); err == nil {
			r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, tok))
		}
		next.ServeHTTP(w, r)
	})
}

// anonOrValid lets a request without a token through but rejects a
// bad token: it rejects a bad credential, so it authenticates.
func anonOrValid(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := r.Header.Get("Authorization")
		if raw == "" {
			next.ServeHTTP(w, r)
			return
		}
		if _, err := jwt.Parse(raw, keyFunc); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

var tokenAuth = jwtauth.New("HS256", secret, nil)

// libAuth wraps a library middleware: it does not call next itself, and
// the library's verdict stands.
func libAuth(next http.Handler) http.Handler {
	return jwtauth.Authenticator(tokenAuth)(next)
}

// hardAuth returns before calling next when the token is bad: that
// is a rejection, even with no status written.
func hardAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := jwt.Parse(r.Header.Get("Authorization"), keyFunc)
		if err != nil {
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, tok)))
	})
}

func removeItem(w http.ResponseWriter, r *http.Request) { db.remove(r.PathValue("id")) }

func muxRoutes() {
	mux := http.NewServeMux()
	mux.Handle("DELETE /soft/{id}", softAuth(http.HandlerFunc(removeItem)))      // silent: optional authentication
	mux.Handle("DELETE /skip/{id}", skipAnonymous(http.HandlerFunc(removeItem))) // silent: optional authentication
	mux.Handle("DELETE /anon/{id}", anonOrValid(http.HandlerFunc(removeItem)))   // want `route "DELETE /anon/{id}" is registered under authenticating middleware optionalauth.anonOrValid`
	mux.Handle("DELETE /lib/{id}", libAuth(http.HandlerFunc(removeItem)))        // want `route "DELETE /lib/{id}" is registered under authenticating middleware optionalauth.libAuth`
	mux.Handle("DELETE /hard/{id}", hardAuth(http.HandlerFunc(removeItem)))      // want `route "DELETE /hard/{id}" is registered under authenticating middleware optionalauth.hardAuth`
}

var errDenied = &echo.HTTPError{Code: 0}

// echoSoft stores the token when it parses; every request reaches next.
func echoSoft(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if tok, err := jwt.Parse(c.Request().Header.Get("Authorization"), keyFunc); err == nil {
			c.Set("user", tok)
		}
		return next(c)
	}
}

// echoHard returns an error value (of a type implementing error) when
// the token is bad: a rejection.
func echoHard(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		tok, err := jwt.Parse(c.Request().Header.Get("Authorization"), keyFunc)
		if err != nil {
			return errDenied
		}
		c.Set("user", tok)
		return next(c)
	}
}

func echoDelete(c echo.Context) error {
	db.remove(c.Param("id"))
	return nil
}

func echoRoutes() {
	e := echo.New()
	e.Group("/soft", echoSoft).DELETE("/items/:id", echoDelete) // silent: optional authentication
	e.Group("/hard", echoHard).DELETE("/items/:id", echoDelete) // want `route "/items/:id" is registered under authenticating middleware optionalauth.echoHard`
}
