package callback // want package:"analyzed"

// Code chosen at run time. A game server hands the caller's user id to
// hook functions a module registers at start-up, and a hook's error
// rejects the request; its RPC endpoint runs the function registered
// under the requested id with the caller's id. What runs, and what it
// allows whom, is decided out of sight: unknown, not reported. A hook
// not handed the caller, a hook whose answer is ignored, and a check
// written in sight are judged as before.

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

type userIDKey struct{}

var signingKey = []byte("k")

// authenticate rejects requests without a valid token and stores the
// caller's id in the request context.
func authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &jwt.RegisteredClaims{}
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (interface{}, error) { return signingKey, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userIDKey{}, c.Subject)))
	})
}

type beforeHook func(ctx context.Context, userID string, match string) error

type rpcFunc func(ctx context.Context, userID, payload string) (string, error)

// runtime holds what the deployment's module registered.
type runtime struct {
	before  map[string]beforeHook
	rpcs    map[string]rpcFunc
	onKick  beforeHook
	audited func(match string) error
}

func (rt *runtime) beforeListMatches() beforeHook { return rt.before["list"] }

func (rt *runtime) rpcFor(id string) rpcFunc { return rt.rpcs[id] }

type server struct {
	rt      *runtime
	matches map[string]string
}

// listMatches lets the module's hook, handed the caller, refuse.
func (s *server) listMatches(w http.ResponseWriter, r *http.Request) {
	if fn := s.rt.beforeListMatches(); fn != nil {
		if err := fn(r.Context(), r.Context().Value(userIDKey{}).(string), r.PathValue("m")); err != nil {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
	}
	for k := range s.matches {
		w.Write([]byte(k))
	}
}

// rpc runs the function registered under the requested id with the
// caller's id, set on one path only.
func (s *server) rpc(w http.ResponseWriter, r *http.Request) {
	fn := s.rt.rpcFor(r.PathValue("id"))
	if fn == nil {
		http.NotFound(w, r)
		return
	}
	uid := ""
	if u := r.Context().Value(userIDKey{}); u != nil {
		uid = u.(string)
	}
	out, err := fn(r.Context(), uid, r.FormValue("payload"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.matches[out] = uid
}

// kick asks the hook held in a field, handed the caller.
func (s *server) kick(w http.ResponseWriter, r *http.Request) {
	hook := s.rt.onKick
	userID, _ := r.Context().Value(userIDKey{}).(string)
	if err := hook(r.Context(), userID, r.PathValue("m")); err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	delete(s.matches, r.PathValue("m"))
}

// closeMatch asks a hook that is not handed the caller: it cannot tell
// one caller from another.
func (s *server) closeMatch(w http.ResponseWriter, r *http.Request) {
	check := s.rt.audited
	if err := check(r.PathValue("m")); err != nil {
		http.Error(w, "refused", http.StatusForbidden)
		return
	}
	delete(s.matches, r.PathValue("m"))
}

// renameMatch hands the caller to a hook and ignores its answer.
func (s *server) renameMatch(w http.ResponseWriter, r *http.Request) {
	if fn := s.rt.beforeListMatches(); fn != nil {
		fn(r.Context(), r.Context().Value(userIDKey{}).(string), r.PathValue("m"))
	}
	s.matches[r.PathValue("m")] = r.FormValue("name")
}

// allowAll is written in sight: its body is judged, and it decides
// nothing about the caller.
func allowAll(ctx context.Context, userID, match string) error {
	if match == "" {
		return errors.New("no match")
	}
	return nil
}

// resetMatch hands the caller to a function declared in sight.
func (s *server) resetMatch(w http.ResponseWriter, r *http.Request) {
	check := allowAll
	if err := check(r.Context(), r.Context().Value(userIDKey{}).(string), r.PathValue("m")); err != nil {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	s.matches[r.PathValue("m")] = ""
}

func (s *server) routes(mux *http.ServeMux) {
	mux.Handle("GET /matches", authenticate(http.HandlerFunc(s.listMatches)))
	mux.Handle("POST /rpc/{id}", authenticate(http.HandlerFunc(s.rpc)))
	mux.Handle("POST /matches/{m}/kick", authenticate(http.HandlerFunc(s.kick)))
	mux.Handle("DELETE /matches/{m}", authenticate(http.HandlerFunc(s.closeMatch)))     // want `route "DELETE /matches/{m}" is registered under authenticating middleware`
	mux.Handle("PUT /matches/{m}", authenticate(http.HandlerFunc(s.renameMatch)))       // want `route "PUT /matches/{m}" is registered under authenticating middleware`
	mux.Handle("POST /matches/{m}/reset", authenticate(http.HandlerFunc(s.resetMatch))) // want `route "POST /matches/{m}/reset" is registered under authenticating middleware`
}
