package recall // want package:"analyzed"

// The route shapes real services use: Go 1.22 ServeMux patterns,
// handler methods on a server struct, inline closures, chi With and
// Group blocks, httprouter and fasthttp. Each positive has a near miss
// beside it that authorizes.

import (
	"context"
	"net/http"
	"strings"

	"github.com/fasthttp/router"
	"github.com/go-chi/chi/v5"
	"github.com/golang-jwt/jwt/v5"
	"github.com/julienschmidt/httprouter"
	"github.com/valyala/fasthttp"
)

type ctxKey struct{}

type Claims struct {
	jwt.RegisteredClaims
	Scopes []string
}

var key = []byte("k")

type Store struct{ rows map[string]string }

func (s *Store) Delete(id string) { delete(s.rows, id) } // want Delete:"work\\(deletes from s.rows\\)"

// authn validates the JWT and stores its claims in the context.
func authn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &Claims{}
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (interface{}, error) { return key, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c)))
	})
}

// requireScope authorizes: it reads the scopes in a condition.
func requireScope(scope string, next http.Handler) http.Handler {
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

func needScope(scope string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler { return requireScope(scope, next) }
}

// Server is a service whose endpoints are methods.
type Server struct {
	store *Store
	mux   *http.ServeMux
	flow  FlowStore
}

// Authentication taken for authorization (issue 15, class 5): a step of
// a multi-step login looks up the login in progress by the id the
// browser carries; the caller is not authenticated yet, so no scope
// applies.

type AuthRequest struct {
	ID   string
	Done bool
}

type FlowStore interface {
	GetAuthRequest(ctx context.Context, id string) (AuthRequest, error) // want GetAuthRequest:"defers"
	DeleteAuthRequest(ctx context.Context, id string) error             // want DeleteAuthRequest:"defers"
	ValidateAPIKey(ctx context.Context, key string) (string, error)     // want ValidateAPIKey:"defers"
	DeleteVideo(ctx context.Context, id string) error                   // want DeleteVideo:"defers"
}

// approve is a login-flow step: silent.
func (s *Server) approve(w http.ResponseWriter, r *http.Request) {
	req, err := s.flow.GetAuthRequest(r.Context(), r.FormValue("req"))
	if err != nil || req.Done {
		http.Error(w, "unknown request", http.StatusBadRequest)
		return
	}
	s.store.Delete(r.FormValue("req"))
}

// purge authenticates an API caller and works without a scope: reported.
func (s *Server) purge(w http.ResponseWriter, r *http.Request) { // want `handler Server.purge authenticates the caller \(passes the X-API-Key header to FlowStore.ValidateAPIKey\)`
	if _, err := s.flow.ValidateAPIKey(r.Context(), r.Header.Get("X-API-Key")); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	s.flow.DeleteVideo(r.Context(), r.FormValue("id"))
}

func (s *Server) deleteVideo(w http.ResponseWriter, r *http.Request) {
	s.store.Delete(r.PathValue("id"))
}

func (s *Server) routes() http.Handler {
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("POST /videos/{id}/delete", s.deleteVideo)                                        // want `route "POST /videos/{id}/delete" is registered under authenticating middleware recall.authn`
	s.mux.Handle("DELETE /videos/{id}", requireScope("videos:write", http.HandlerFunc(s.deleteVideo))) // silent: wrapped by an authorizing middleware
	s.mux.HandleFunc("DELETE /tags/{id}", func(w http.ResponseWriter, r *http.Request) {               // want `route "DELETE /tags/{id}" is registered under authenticating middleware recall.authn`
		s.store.Delete(r.PathValue("id"))
	})
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }) // silent: a probe that does no work
	return authn(s.mux)
}

// wrappedMethods wraps each handler method in the middleware itself.
func (s *Server) wrappedMethods(mux *http.ServeMux) {
	mux.Handle("POST /videos/{id}/hide", authn(http.HandlerFunc(s.deleteVideo)))                                // want `route "POST /videos/{id}/hide" is registered under authenticating middleware recall.authn`
	mux.Handle("POST /videos/{id}/purge", authn(requireScope("videos:admin", http.HandlerFunc(s.deleteVideo)))) // silent: authorized too
	mux.HandleFunc("POST /videos/{id}/show", s.deleteVideo)                                                     // silent: nothing authenticates here
}

func (s *Server) chiRoutes() http.Handler {
	r := chi.NewRouter()
	r.With(authn).Post("/videos/{id}/delete", s.deleteVideo)                     // want `route "/videos/{id}/delete" is registered under authenticating middleware recall.authn`
	r.With(authn, needScope("videos:write")).Post("/videos/{id}", s.deleteVideo) // silent: With adds an authorizing middleware
	r.Group(func(r chi.Router) {
		r.Use(authn)
		r.Post("/albums/{id}/delete", func(w http.ResponseWriter, req *http.Request) { // want `route "/albums/{id}/delete" is registered under authenticating middleware recall.authn`
			s.store.Delete(chi.URLParam(req, "id"))
		})
		r.Route("/admin", func(r chi.Router) {
			r.Use(needScope("admin"))
			r.Post("/albums/{id}/delete", s.deleteVideo) // silent: the Route block authorizes
		})
	})
	r.Post("/public/{id}", s.deleteVideo) // silent: outside the group, nothing authenticates
	return r
}

// httprouter: handlers take the route's parameters as a third argument.

func hrAuthn(next httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return key, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r, ps)
	}
}

func hrAdmin(next httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		c, _ := r.Context().Value(ctxKey{}).(*Claims)
		for _, s := range c.Scopes {
			if s == "admin" {
				next(w, r, ps)
				return
			}
		}
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

func (s *Server) hrDelete(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	s.store.Delete(ps.ByName("id"))
}

func (s *Server) httprouterRoutes() {
	r := httprouter.New()
	r.DELETE("/videos/:id", hrAuthn(s.hrDelete))                // want `route "/videos/:id" is registered under authenticating middleware recall.hrAuthn`
	r.DELETE("/admin/videos/:id", hrAuthn(hrAdmin(s.hrDelete))) // silent: hrAdmin authorizes
	r.POST("/open/:id", s.hrDelete)                             // silent: nothing authenticates
	http.ListenAndServe(":8080", r)
}

// fasthttp: handlers take a *fasthttp.RequestCtx.

func fhAuthn(next fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		raw := strings.TrimPrefix(string(ctx.Request.Header.Peek("Authorization")), "Bearer ")
		if _, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return key, nil }); err != nil {
			ctx.Error("unauthorized", http.StatusUnauthorized)
			return
		}
		next(ctx)
	}
}

func fhAdmin(next fasthttp.RequestHandler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		c, _ := ctx.UserValue("claims").(*Claims)
		for _, s := range c.Scopes {
			if s == "admin" {
				next(ctx)
				return
			}
		}
		ctx.Error("forbidden", http.StatusForbidden)
	}
}

func (s *Server) fhDelete(ctx *fasthttp.RequestCtx) {
	id, _ := ctx.UserValue("id").(string)
	s.store.Delete(id)
}

func (s *Server) fasthttpRoutes() {
	r := router.New()
	r.DELETE("/videos/{id}", fhAuthn(s.fhDelete))                // want `route "/videos/{id}" is registered under authenticating middleware recall.fhAuthn`
	r.DELETE("/admin/videos/{id}", fhAuthn(fhAdmin(s.fhDelete))) // silent: fhAdmin authorizes
	r.POST("/open/{id}", s.fhDelete)                             // silent: nothing authenticates
	fasthttp.ListenAndServe(":8080", r.Handler)

	api := router.New()
	api.DELETE("/v2/videos/{id}", s.fhDelete)                                          // want `route "/v2/videos/{id}" is registered under authenticating middleware recall.fhAuthn`
	api.GET("/v2/healthz", func(ctx *fasthttp.RequestCtx) { ctx.Write([]byte("ok")) }) // silent: does no work
	fasthttp.ListenAndServe(":8081", fhAuthn(api.Handler))                             // the whole router behind fhAuthn
}
