// Package acceptws speaks WebSocket: browsers cannot set the
// Authorization header on the handshake, so the query is accepted on
// purpose.
package acceptws

import (
	"net/http"
	"strings"

	"github.com/gorilla/websocket"
)

var upgrader websocket.Upgrader

func token(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		return strings.TrimPrefix(h, "Bearer ")
	}
	return r.URL.Query().Get("access_token")
}

func serve(w http.ResponseWriter, r *http.Request) {
	_ = token(r)
	upgrader.Upgrade(w, r, nil)
}
