package httpx // want package:"analyzed"

// Package httpx hands the server's middleware to route-registering code
// in struct fields: one always the fixed-account middleware, one the
// per-user middleware, one either of them, one set by nobody here.

import (
	"net/http"

	"example.com/tunnel/netx"
	"github.com/gorilla/mux"
)

type Config struct{ User, Password string }

type Server struct {
	router  *mux.Router
	adminMW mux.MiddlewareFunc
	userMW  mux.MiddlewareFunc
}

func NewServer(cfg Config, users netx.Store) *Server {
	s := &Server{router: mux.NewRouter()}
	s.adminMW = netx.NewBasicAuth(cfg.User, cfg.Password).Middleware
	s.userMW = netx.NewUserAuth(users).Middleware
	return s
}

type Helper struct {
	Router              *mux.Router
	AuthMiddleware      mux.MiddlewareFunc // want AuthMiddleware:"fieldmw\\(authn=true authz=true the Basic auth user compared with the configured a.user\\)"
	UserMiddleware      mux.MiddlewareFunc // want UserMiddleware:"fieldmw\\(authn=true authz=false passes HTTP basic auth credentials to cmp.EqString\\)"
	AnyMiddleware       mux.MiddlewareFunc // want AnyMiddleware:"fieldmw\\(authn=true authz=false"
	TokenAuthMiddleware mux.MiddlewareFunc
	Files               http.FileSystem
}

func (s *Server) Register(strict bool, register func(h *Helper)) {
	h := &Helper{Router: s.router, AuthMiddleware: s.adminMW, UserMiddleware: s.userMW}
	if strict {
		h.AnyMiddleware = s.adminMW
	} else {
		h.AnyMiddleware = s.userMW
	}
	register(h)
}
