package websocket // want package:"analyzed"

// The connection of an upgraded request is the response channel: an
// upgrade that only answers keep-alive frames does no work. A socket
// that reads the application's state, or hands the messages to it, is
// still judged.

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/websocket"
)

var key = []byte("k")

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// authn validates the bearer token.
func authn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return key, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type Hub interface {
	Publish(room, msg string) error
}

type server struct {
	hub    Hub
	events map[string][]string
}

type frame struct {
	Type, Room, Body string
}

// keepAlive answers KeepAlive frames and nothing else.
func (s *server) keepAlive(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	for {
		var f frame
		if err := conn.ReadJSON(&f); err != nil {
			return
		}
		if f.Type == "KeepAlive" {
			conn.WriteJSON(frame{Type: "KeepAlive"})
		}
	}
}

// relay hands every message to the application's hub.
func (s *server) relay(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	for {
		var f frame
		if err := conn.ReadJSON(&f); err != nil {
			return
		}
		s.hub.Publish(f.Room, f.Body)
	}
}

// history streams the events of any room the client names.
func (s *server) history(w http.ResponseWriter, r *http.Request) {
	conn, _ := upgrader.Upgrade(w, r, nil)
	conn.WriteJSON(s.events[r.URL.Query().Get("room")])
}

func routes(s *server) {
	mux := http.NewServeMux()
	mux.Handle("/socket", authn(http.HandlerFunc(s.keepAlive))) // silent: only the connection's own frames
	mux.Handle("/relay", authn(http.HandlerFunc(s.relay)))      // want `route "/relay" is registered under authenticating middleware websocket.authn`
	mux.Handle("/history", authn(http.HandlerFunc(s.history)))  // want `route "/history" is registered under authenticating middleware websocket.authn`
}
