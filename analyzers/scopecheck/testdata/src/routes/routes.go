package routes // want package:"analyzed"

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

type ctxKey struct{}

type Claims struct {
	jwt.RegisteredClaims
	Scopes []string
}

var secret = []byte("s")

type DB struct{ rows map[string]string }

func (d *DB) Delete(id string) { delete(d.rows, id) } // want Delete:"work\\(deletes from d.rows\\)"

func (d *DB) All() map[string]string { return d.rows } // want All:"work"

var db = &DB{}

// authn validates the JWT and stores its claims in the context.
func authn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &Claims{}
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (interface{}, error) { return secret, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c)))
	})
}

// needScope authorizes: it reads the scopes in a condition.
func needScope(scope string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c, _ := r.Context().Value(ctxKey{}).(*Claims)
			for _, s := range c.Scopes {
				if s == scope {
					next.ServeHTTP(w, r)
					return
				}
			}
			http.Error(w, "forbidden", http.StatusForbidden)
		})
	}
}

func deleteItem(w http.ResponseWriter, r *http.Request) { db.Delete(chi.URLParam(r, "id")) }

func listItems(w http.ResponseWriter, r *http.Request) { json.NewEncoder(w).Encode(db.All()) }

func healthz(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }

// myItems works only on the caller's own data.
func myItems(w http.ResponseWriter, r *http.Request) {
	c := r.Context().Value(ctxKey{}).(*Claims)
	json.NewEncoder(w).Encode(db.rowsOf(c.Subject))
}

func (d *DB) rowsOf(owner string) []string { return nil }

func chiRouter() http.Handler {
	r := chi.NewRouter()
	r.Get("/healthz", healthz) // silent: no authenticating middleware
	r.Group(func(r chi.Router) {
		r.Use(authn)
		r.Delete("/items/{id}", deleteItem)                      // want `route "/items/{id}" is registered under authenticating middleware routes.authn \(jwt.ParseWithClaims\) but neither a middleware nor its handler deleteItem checks a scope, role or permission`
		r.With(needScope("items:read")).Get("/items", listItems) // silent: needScope authorizes
		r.Get("/me/items", myItems)                              // silent: ownership
		r.Get("/ping", healthz)                                  // silent: does no work
		r.Route("/admin", func(r chi.Router) {
			r.Use(needScope("admin"))
			r.Delete("/items/{id}", deleteItem) // silent: the route group authorizes
		})
	})
	return r
}

func serveMux() {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /items/{id}", deleteItem)                               // want `route "DELETE /items/{id}" is registered under authenticating middleware routes.authn`
	mux.Handle("GET /items", needScope("items:read")(http.HandlerFunc(listItems))) // silent: wrapped by an authorizing middleware
	http.ListenAndServe(":8080", authn(mux))

	open := http.NewServeMux()
	open.HandleFunc("DELETE /items/{id}", deleteItem) // silent: nothing authenticates here
	http.ListenAndServe(":8081", open)
}

func wrapped() {
	http.Handle("/wrapped", authn(http.HandlerFunc(deleteItem)))                        // want `route "/wrapped" is registered under authenticating middleware routes.authn`
	http.Handle("/both", authn(needScope("items:write")(http.HandlerFunc(deleteItem)))) // silent: authorized too
}

func gorilla() {
	r := mux.NewRouter()
	api := r.PathPrefix("/api").Subrouter()
	api.Use(authn)
	api.HandleFunc("/items", listItems).Methods("GET") // want `route "/items" is registered under authenticating middleware`
	admin := api.PathPrefix("/admin").Subrouter()
	admin.Use(needScope("admin"))
	admin.HandleFunc("/items", listItems) // silent: the sub-router authorizes
}

// ginAuth is a gin middleware that authenticates.
func ginAuth() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		tok, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return secret, nil })
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("token", tok)
		c.Next()
	}
}

// ginRole authorizes on a role claim.
func ginRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		tok := c.MustGet("token").(*jwt.Token)
		if tok.Claims.(jwt.MapClaims)["role"] != role {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

func ginDelete(c *gin.Context) { db.Delete(c.Param("id")) }

// ginSoftAuth authenticates only when required is true; with false it
// lets anonymous requests through.
func ginSoftAuth(required bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return secret, nil }); err != nil && required {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

func ginOrder() {
	r := gin.New()
	v1 := r.Group("/v1")
	v1.Use(ginSoftAuth(false))
	v1.GET("/items", func(c *gin.Context) { c.JSON(http.StatusOK, db.All()) }) // silent: optional authentication, and the later Use does not apply
	v1.Use(ginSoftAuth(true))
	v1.DELETE("/items/:id", ginDelete) // want `route "/items/:id" is registered under authenticating middleware routes.ginSoftAuth`
}

// ginRouterAuth authenticates and, like devlake's REST authentication,
// is given the engine to dispatch the request to it again.
func ginRouterAuth(r *gin.Engine) gin.HandlerFunc {
	return func(c *gin.Context) {
		if _, err := jwt.Parse(c.GetHeader("Authorization"), func(*jwt.Token) (interface{}, error) { return secret, nil }); err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		r.HandleContext(c)
	}
}

// ginBuiltFromRouter: a middleware built from the engine and given to
// Use is added in order, like any other; it does not wrap the routes
// registered before it.
func ginBuiltFromRouter() {
	r := gin.New()
	r.DELETE("/cache/:id", ginDelete) // silent: registered before the authentication is added
	r.Use(ginRouterAuth(r))
	r.DELETE("/records/:id", ginDelete) // want `route "/records/:id" is registered under authenticating middleware routes.ginRouterAuth`
}

func ginRoutes() {
	r := gin.Default()
	api := r.Group("/api", ginAuth())
	api.DELETE("/items/:id", ginDelete)                         // want `route "/items/:id" is registered under authenticating middleware routes.ginAuth`
	api.DELETE("/admin/items/:id", ginRole("admin"), ginDelete) // silent: ginRole authorizes
	admin := api.Group("/admin")
	admin.Use(ginRole("admin"))
	admin.DELETE("/items/:id", ginDelete) // silent: the group authorizes
	r.Run()
}

func echoAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header.Get("Authorization")
		if _, err := jwt.Parse(strings.TrimPrefix(h, "Bearer "), func(*jwt.Token) (interface{}, error) { return secret, nil }); err != nil {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		return next(c)
	}
}

func echoStaffOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Get("role") != "admin" {
			return echo.NewHTTPError(http.StatusForbidden)
		}
		return next(c)
	}
}

func echoDelete(c echo.Context) error {
	db.Delete(c.Param("id"))
	return c.NoContent(http.StatusNoContent)
}

func echoRoutes() {
	e := echo.New()
	g := e.Group("/api", echoAuth)
	g.DELETE("/items/:id", echoDelete)                      // want `route "/items/:id" is registered under authenticating middleware routes.echoAuth`
	g.DELETE("/admin/items/:id", echoDelete, echoStaffOnly) // silent: echoStaffOnly authorizes
	e.Start(":8080")
}

// ginChainedUse: gin's Use returns the group it was called on, so a
// chain adds every middleware of it to the group (gin-vue-admin's
// private.Use(JWTAuth()).Use(CasbinHandler())). The chain without an
// authorizer is still reported.
func ginChainedUse() {
	r := gin.New()
	priv := r.Group("/priv")
	priv.Use(ginAuth()).Use(ginSoftAuth(false)).Use(ginRole("admin"))
	priv.DELETE("/items/:id", ginDelete) // silent: the chain's last link authorizes

	open := r.Group("/open")
	open.Use(ginAuth()).Use(ginSoftAuth(false))
	open.DELETE("/items/:id", ginDelete) // want `route "/items/:id" is registered under authenticating middleware routes.ginAuth`
}
