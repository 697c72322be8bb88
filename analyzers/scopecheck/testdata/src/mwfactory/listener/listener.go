package listener // want package:"analyzed"

// The routes are registered under the factories' middleware, as
// telegraf's InfluxDB listener does: a metrics listener whose one
// configured credential is all the authorization it has.

import (
	"io"
	"net/http"

	"mwfactory/authmw"
)

type Listener struct {
	BasicUsername, BasicPassword string
	Credentials                  string
	Secret                       string
	Tokens                       authmw.Store
	mux                          *http.ServeMux
	store                        map[string][]byte
}

func (h *Listener) Routes() { // want Routes:`work\(calls Listener.handleWrite\)`
	authHandler := authmw.BasicAuthHandler(h.BasicUsername, h.BasicPassword, "influxdb")
	h.mux.Handle("/write", authHandler(h.handleWrite()))
	h.mux.Handle("/query", authmw.GenericAuthHandler(h.Credentials)(h.handleWrite()))
	h.mux.Handle("/ping", authmw.OptionalAuthHandler(h.Credentials)(h.handleWrite()))

	// Near misses: a per-user token (one caller of many) and a token any
	// holder of the shared signing secret can mint, with nothing in it
	// checked: both still need an access decision.
	tokens := authmw.TokenAuthHandler(h.Tokens)
	h.mux.Handle("/api/v2/write", tokens(h.handleWrite())) // want `route "/api/v2/write" is registered under authenticating middleware`
	// The configured user's token only: one principal (telegraf's
	// InfluxDB listener with a shared secret).
	h.mux.Handle("/api/v2/query", authmw.JWTUserAuthHandler(h.Secret, h.BasicUsername)(h.handleWrite()))
	jwtAuth := authmw.JWTAuthHandler(h.Secret)
	h.mux.Handle("/api/v2/delete", jwtAuth(h.handleWrite())) // want `route "/api/v2/delete" is registered under authenticating middleware`
}

func (h *Listener) handleWrite() http.HandlerFunc {
	return func(res http.ResponseWriter, req *http.Request) {
		db := req.URL.Query().Get("db")
		body, _ := io.ReadAll(req.Body)
		h.store[db] = body
		res.WriteHeader(http.StatusNoContent)
	}
}
