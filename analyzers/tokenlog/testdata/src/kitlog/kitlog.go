// Package kitlog writes credentials through key-value loggers shaped like
// go-kit's (Log(keyvals ...any) error), and look-alikes that are not.
package kitlog

import (
	"context"
	"net/http"
	"os"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"golang.org/x/oauth2"
)

// KV is an in-house copy of go-kit's interface.
type KV interface {
	Log(keyvals ...interface{}) error
}

func positives(ctx context.Context, r *http.Request, l log.Logger, kv KV, conf *oauth2.Config) {
	tok := r.Header.Get("Authorization")
	l.Log("msg", "auth", "authorization", tok)                    // want `credentials from the Authorization header reaches log.Logger.Log`
	level.Debug(l).Log("msg", "auth", "token", tok)               // want `credentials from the Authorization header reaches log.Logger.Log`
	kv.Log("key", os.Getenv("STRIPE_API_KEY"))                    // want `reaches kitlog.KV.Log`
	t, _ := conf.Exchange(ctx, r.URL.Query().Get("code"))         //
	level.Info(l).Log("msg", "exchanged", "token", t.AccessToken) // want `reaches log.Logger.Log`
}

// Recorder has a Log method of another shape.
type Recorder interface {
	Log(msg string) error
	Logs(keyvals ...interface{}) error
}

// Audit has the keyvals parameter but returns nothing and has no level name.
type Audit interface {
	Log(keyvals ...interface{})
}

// Store returns a value, not an error.
type Store interface {
	Log(keyvals ...interface{}) int
}

func nearMisses(ctx context.Context, r *http.Request, l log.Logger, rec Recorder, a Audit, s Store, conf *oauth2.Config) {
	tok := r.Header.Get("Authorization")
	l.Log("msg", "auth", "token_len", len(tok))           // silent: a length
	level.Error(l).Log("msg", "auth", "path", r.URL.Path) // silent: no credential
	rec.Log(tok)                                          // silent: not the keyvals shape
	rec.Logs("token", tok)                                // silent: not named Log
	a.Log("token", tok)                                   // silent: no error result
	_ = s.Log("token", tok)                               // silent: the result is a value
	t, _ := conf.Exchange(ctx, r.URL.Query().Get("code"))
	l.Log("msg", "exchanged", "expiry", t.Expiry, "type", t.TokenType) // silent: expiry and type
}
