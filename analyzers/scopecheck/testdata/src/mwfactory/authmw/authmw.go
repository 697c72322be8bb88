package authmw // want package:"analyzed"

// Middleware factories in the shape of telegraf's
// internal/http.go: each returns a func(http.Handler) http.Handler
// literal that wraps the next handler in a value whose ServeHTTP checks
// the request. The factories' bodies check nothing themselves.

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// BasicAuthHandler requires the one configured user name and password.
func BasicAuthHandler(username, password, realm string) func(h http.Handler) http.Handler { // want BasicAuthHandler:`middleware\(authn=true authz=true`
	return func(h http.Handler) http.Handler {
		return &basicAuthHandler{username: username, password: password, realm: realm, next: h}
	}
}

type basicAuthHandler struct {
	username, password, realm string
	next                      http.Handler
}

func (h *basicAuthHandler) ServeHTTP(rw http.ResponseWriter, req *http.Request) { // want ServeHTTP:`authenticates` ServeHTTP:`authorizes` ServeHTTP:`middleware`
	reqUsername, reqPassword, ok := req.BasicAuth()
	if !ok ||
		subtle.ConstantTimeCompare([]byte(reqUsername), []byte(h.username)) != 1 ||
		subtle.ConstantTimeCompare([]byte(reqPassword), []byte(h.password)) != 1 {
		rw.Header().Set("WWW-Authenticate", "Basic realm=\""+h.realm+"\"")
		http.Error(rw, http.StatusText(http.StatusUnauthorized), http.StatusUnauthorized)
		return
	}
	h.next.ServeHTTP(rw, req)
}

// GenericAuthHandler requires `Authorization: <credentials>`, the one
// configured value; the factory returns the middleware literal, which
// returns the wrapper.
func GenericAuthHandler(credentials string) func(h http.Handler) http.Handler { // want GenericAuthHandler:`middleware\(authn=true authz=true`
	return func(h http.Handler) http.Handler {
		return &genericAuthHandler{credentials: credentials, next: h}
	}
}

// OptionalAuthHandler checks the configured credentials only when there
// are some: otherwise the route is open, and judged so, not by the
// factory's name.
func OptionalAuthHandler(credentials string) func(h http.Handler) http.Handler { // want OptionalAuthHandler:`middleware\(authn=false authz=false`
	return func(h http.Handler) http.Handler {
		if credentials == "" {
			return h
		}
		return &genericAuthHandler{credentials: credentials, next: h}
	}
}

type genericAuthHandler struct {
	credentials string
	next        http.Handler
}

func (h *genericAuthHandler) ServeHTTP(rw http.ResponseWriter, req *http.Request) { // want ServeHTTP:`authenticates` ServeHTTP:`authorizes` ServeHTTP:`middleware`
	if subtle.ConstantTimeCompare([]byte(req.Header.Get("Authorization")), []byte(h.credentials)) != 1 {
		http.Error(rw, http.StatusText(http.StatusUnauthorized), http.StatusUnauthorized)
		return
	}
	h.next.ServeHTTP(rw, req)
}

// Store looks API tokens up: every user has one.
type Store interface {
	UserForToken(token string) (string, error)
}

// TokenAuthHandler authenticates a user's own API token: one caller of
// many, whose rights are still to be checked (the near miss).
func TokenAuthHandler(store Store) func(h http.Handler) http.Handler { // want TokenAuthHandler:`middleware\(authn=true authz=false`
	return func(h http.Handler) http.Handler {
		return &tokenAuthHandler{store: store, next: h}
	}
}

type tokenAuthHandler struct {
	store Store
	next  http.Handler
}

func (h *tokenAuthHandler) ServeHTTP(rw http.ResponseWriter, req *http.Request) { // want ServeHTTP:`authenticates` ServeHTTP:`middleware`
	token := strings.TrimPrefix(req.Header.Get("Authorization"), "Bearer ")
	user, err := h.store.UserForToken(token)
	if err != nil || user == "" {
		http.Error(rw, http.StatusText(http.StatusUnauthorized), http.StatusUnauthorized)
		return
	}
	h.next.ServeHTTP(rw, req)
}

// Passthrough returns the handler itself: judged neither way.
func Passthrough(name string) func(h http.Handler) http.Handler { // want Passthrough:`middleware\(authn=false authz=false`
	return func(h http.Handler) http.Handler { return h }
}

var errNoUser = errors.New("no user")

// JWTAuthHandler accepts a token signed with the shared secret.
func JWTAuthHandler(secret string) func(h http.Handler) http.Handler { // want JWTAuthHandler:`middleware\(authn=true`
	return func(h http.Handler) http.Handler {
		return &jwtAuthHandler{secret: []byte(secret), next: h}
	}
}

type jwtAuthHandler struct {
	secret []byte
	next   http.Handler
}

func (h *jwtAuthHandler) ServeHTTP(rw http.ResponseWriter, req *http.Request) { // want ServeHTTP:`authenticates` ServeHTTP:`middleware`
	bearer := strings.TrimPrefix(req.Header.Get("Authorization"), "Bearer ")
	token, err := jwt.Parse(bearer, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errNoUser
		}
		return h.secret, nil
	})
	if err != nil || !token.Valid {
		http.Error(rw, http.StatusText(http.StatusUnauthorized), http.StatusUnauthorized)
		return
	}
	h.next.ServeHTTP(rw, req)
}

// JWTUserAuthHandler accepts a token signed with the shared secret only
// for the one configured user name (telegraf's InfluxDB listener): one
// principal, and the check is the decision.
func JWTUserAuthHandler(secret, username string) func(h http.Handler) http.Handler { // want JWTUserAuthHandler:`middleware\(authn=true authz=true`
	return func(h http.Handler) http.Handler {
		return &jwtUserAuthHandler{secret: []byte(secret), username: []byte(username), next: h}
	}
}

type jwtUserAuthHandler struct {
	secret, username []byte
	next             http.Handler
}

func (h *jwtUserAuthHandler) ServeHTTP(rw http.ResponseWriter, req *http.Request) { // want ServeHTTP:`authenticates` ServeHTTP:`authorizes\(the user named by the verified token compared with the configured h.username\)` ServeHTTP:`middleware` ServeHTTP:`work\(reads h.username\)`
	bearer := strings.TrimPrefix(req.Header.Get("Authentication"), "Bearer ")
	token, err := jwt.Parse(bearer, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errNoUser
		}
		return h.secret, nil
	})
	if err != nil || !token.Valid {
		http.Error(rw, http.StatusText(http.StatusUnauthorized), http.StatusUnauthorized)
		return
	}
	claims, ok := token.Claims.(jwt.MapClaims)
	if !ok {
		http.Error(rw, "problem authenticating token", http.StatusInternalServerError)
		return
	}
	username, ok := claims["username"].(string)
	if !ok || username == "" {
		http.Error(rw, "token must contain a string username", http.StatusUnauthorized)
		return
	}
	if subtle.ConstantTimeCompare([]byte(username), h.username) != 1 {
		http.Error(rw, http.StatusText(http.StatusUnauthorized), http.StatusUnauthorized)
		return
	}
	h.next.ServeHTTP(rw, req)
}
