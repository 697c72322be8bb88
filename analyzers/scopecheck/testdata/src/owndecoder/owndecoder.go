package owndecoder // want package:"analyzed"

// A module's own basic-auth parser. The console's middleware hands the
// Authorization header to parseBasic and compares the user and
// password it returns with the configured admin account: one fixed
// account, the check is the access decision, as r.BasicAuth() against
// the configuration is. A parser that looks the user up, or a compare
// with a record of the store, identifies one caller of many.

import (
	"encoding/base64"
	"net/http"
	"strings"
)

type consoleConfig struct {
	Username string
	Password string
}

type account struct{ Password string }

var accounts = map[string]*account{}

var profiles = map[string]string{}

// parseBasic decodes the credential it is handed.
func parseBasic(auth string) (username, password string, ok bool) {
	if auth == "" {
		return
	}
	const prefix = "Basic "
	if !strings.HasPrefix(auth, prefix) {
		return
	}
	c, err := base64.StdEncoding.DecodeString(auth[len(prefix):])
	if err != nil {
		return
	}
	cs := string(c)
	s := strings.IndexByte(cs, ':')
	if s < 0 {
		return
	}
	return cs[:s], cs[s+1:], true
}

// adminBasic admits the configured admin account only.
func adminBasic(cfg *consoleConfig) func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			auth := r.Header.Get("Authorization")
			if auth == "" {
				w.WriteHeader(401)
				return
			}
			username, password, ok := parseBasic(auth)
			if !ok {
				w.WriteHeader(401)
				return
			}
			if username != cfg.Username || password != cfg.Password {
				w.WriteHeader(403)
				return
			}
			h.ServeHTTP(w, r)
		})
	}
}

// lookupBasic finds the account the header names: it returns what the
// store holds, not what it was handed.
func lookupBasic(auth string) (*account, string) {
	user, _, _ := parseBasic(auth)
	return accounts[user], user
}

// anyAccount admits every account of the store.
func anyAccount(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		acct, _ := lookupBasic(r.Header.Get("Authorization"))
		if acct == nil {
			w.WriteHeader(401)
			return
		}
		_, password, _ := parseBasic(r.Header.Get("Authorization"))
		if password != acct.Password {
			w.WriteHeader(401)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// profile does work.
func profile(w http.ResponseWriter, r *http.Request) {
	profiles[r.URL.Query().Get("name")] = r.FormValue("data")
}

func routes(mux *http.ServeMux, cfg *consoleConfig) {
	mux.Handle("/debug/profile_js", adminBasic(cfg)(http.HandlerFunc(profile)))
	mux.Handle("/api/profile", anyAccount(http.HandlerFunc(profile))) // want `route "/api/profile" is registered under authenticating middleware`
}
