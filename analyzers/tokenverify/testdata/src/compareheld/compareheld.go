// Package compareheld is the fixture of the class 7 rule (held.go): a
// credential comparison authenticates only if one side can come from
// outside the program. Positives set a caller's value against a secret;
// near misses compare two values the program holds.
package compareheld

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"sync"

	"heldlib"
)

type Config struct {
	APIToken string `yaml:"api_token"`
}

type Server struct {
	cfg   Config
	token string
}

// --- positives ---

// A request header against the configured token.
func (s *Server) Header(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Api-Token") != s.cfg.APIToken { // want `compared with !=`
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// Across an unexported helper: the caller passes the request's token.
func (s *Server) tokenOK(tok string) bool {
	return tok == s.token // want `compared with ==`
}

func (s *Server) Helper(w http.ResponseWriter, r *http.Request) {
	if !s.tokenOK(r.URL.Query().Get("token")) {
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// An unexported helper with one held caller and one from a request: a
// caller's value reaches it.
func (s *Server) keyOK(key string) bool {
	return key == s.cfg.APIToken // want `compared with ==`
}

func (s *Server) Startup() bool { return s.keyOK(os.Getenv("API_TOKEN")) }

func (s *Server) Mixed(w http.ResponseWriter, r *http.Request) {
	if !s.keyOK(r.Header.Get("X-Key")) {
		w.WriteHeader(http.StatusForbidden)
	}
}

// An exported function: its callers are not all visible.
func (s *Server) Check(givenToken string) bool {
	return givenToken == s.token // want `compared with ==`
}

// Across packages: the cached token of heldlib is held, the header is
// not.
func Agent(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != heldlib.CurrentToken() { // want `compared with !=`
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// A body decoded from the request into a local: the decoder fills it.
func (s *Server) Body(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Token string `json:"token"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	if req.Token != s.token { // want `compared with !=`
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// heldlib.Echo passes its argument on: not held.
func EchoHeader(r *http.Request) bool {
	return os.Getenv("AGENT_TOKEN") == heldlib.Echo(r.Header.Get("X-Token")) // want `compared with ==`
}

// A field the package fills from the request is the caller's, even
// read through the receiver.
type Conn struct {
	token string
}

func Upgrade(w http.ResponseWriter, r *http.Request) {
	c := &Conn{}
	c.token = r.URL.Query().Get("token")
	go c.run()
}

func (c *Conn) run() {
	if os.Getenv("WS_TOKEN") != c.token { // want `compared with !=`
		return
	}
}

// --- near misses ---

// The woodpecker agent: the token the server just rejected is the one
// this program attached, and the comparison only asks whether another
// goroutine refreshed it meanwhile.
type Interceptor struct {
	mu          sync.Mutex
	accessToken string
}

func (i *Interceptor) attach(ctx context.Context) (context.Context, string) {
	i.mu.Lock()
	tok := i.accessToken
	i.mu.Unlock()
	return ctx, tok
}

func (i *Interceptor) refreshAfterReject(ctx context.Context, rejectedToken string) error {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.accessToken != rejectedToken {
		return nil
	}
	return errors.New("refresh")
}

func (i *Interceptor) Call(ctx context.Context, invoke func(context.Context) error) error {
	callCtx, rejected := i.attach(ctx)
	if err := invoke(callCtx); err != nil {
		return i.refreshAfterReject(ctx, rejected)
	}
	return nil
}

// The environment's token against the cached one of another package
// (a heldFact): both are the program's.
func Reregister() error {
	if os.Getenv("AGENT_TOKEN") != heldlib.CurrentToken() {
		return errors.New("token changed: register again")
	}
	return nil
}

// Configuration checked against the environment at start-up.
func (s *Server) Consistent() error {
	if os.Getenv("API_TOKEN") != s.cfg.APIToken {
		return errors.New("api token in the environment and the config differ")
	}
	return nil
}

// An unexported helper whose only caller passes a field.
func (s *Server) same(pendingToken string) bool {
	return pendingToken == s.token
}

func (s *Server) Rotate(next string) {
	if s.same(s.cfg.APIToken) {
		return
	}
	s.token = next
}
