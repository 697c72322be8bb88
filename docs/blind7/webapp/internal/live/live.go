// Package live streams updates to the browser over a WebSocket.
package live

import (
	"net/http"
	"strings"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 1024}

// Hub serves /live.
type Hub struct {
	Check func(token string) (string, error)
}

// ServeHTTP authenticates and upgrades; browsers cannot set headers on a WebSocket, so the token
// may come in the query.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if tok == "" {
		tok = r.URL.Query().Get("access_token") // NEAR credexposure c30
	}
	if _, err := h.Check(tok); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	_ = conn.WriteMessage(websocket.TextMessage, []byte("hello"))
}
