package wsconn // want package:"analyzed"

// A WebSocket endpoint that authenticates in its first frame and then
// only touches its own connection: the connection wrapper's fields, the
// caller's slot of a connection registry (keyed by the identity the
// connection carries) and a constant table of event names. None of it
// is application state (connstate.go). A registry slot chosen by a
// frame, the application's data, a table the program writes and a walk
// over every connection are.

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/websocket"
)

var key = []byte("k")

var upgrader = websocket.Upgrader{}

// validEvents is a constant table: read only.
var validEvents = map[string]bool{"note.created": true, "timer.updated": true}

// knownEvents is initialised with constants but written by addEvent.
var knownEvents = map[string]bool{"note.created": true}

func addEvent(e string) { knownEvents[e] = true }

type frame struct{ Action, Token, Event, Room, Body string }

// client wraps one upgraded connection.
type client struct {
	ws     *websocket.Conn
	hub    *hub
	userID string
	room   string
	authed bool
	subs   map[string]bool
}

type hub struct {
	clients map[string][]*client // user -> connections
	rooms   map[string][]*client // room -> connections
	notes   map[string][]string  // the application's data
}

var h = &hub{clients: map[string][]*client{}, rooms: map[string][]*client{}, notes: map[string][]string{}}

func (c *client) login(tok string) bool {
	t, err := jwt.Parse(tok, func(*jwt.Token) (interface{}, error) { return key, nil })
	if err != nil {
		return false
	}
	uid, _ := t.Claims.(jwt.MapClaims)["sub"].(string)
	c.userID = uid
	c.authed = true
	return true
}

func (h *hub) register(c *client) {
	h.clients[c.userID] = append(h.clients[c.userID], c)
}

func (h *hub) unregister(c *client) {
	conns := h.clients[c.userID]
	for i, o := range conns {
		if o == c {
			h.clients[c.userID] = append(conns[:i], conns[i+1:]...)
		}
	}
	if len(h.clients[c.userID]) == 0 {
		delete(h.clients, c.userID)
	}
}

func (h *hub) join(c *client) {
	h.rooms[c.room] = append(h.rooms[c.room], c)
}

func open(w http.ResponseWriter, r *http.Request) *client {
	ws, _ := upgrader.Upgrade(w, r, nil)
	return &client{ws: ws, hub: h, subs: map[string]bool{}}
}

// events registers the caller's own connection under the caller's own
// identity and subscribes it to event names from a fixed list.
func events(w http.ResponseWriter, r *http.Request) {
	c := open(w, r)
	defer c.hub.unregister(c)
	for {
		var f frame
		if err := c.ws.ReadJSON(&f); err != nil {
			return
		}
		switch f.Action {
		case "auth":
			if !c.login(f.Token) {
				return
			}
			c.hub.register(c)
		case "subscribe":
			if c.authed && validEvents[f.Event] {
				c.subs[f.Event] = true
			}
		case "unsubscribe":
			delete(c.subs, f.Event)
		}
	}
}

// ping authenticates and answers from the constant table only.
func ping(w http.ResponseWriter, r *http.Request) {
	c := open(w, r)
	var f frame
	c.ws.ReadJSON(&f)
	if !c.login(f.Token) {
		return
	}
	c.ws.WriteJSON(validEvents[f.Event])
}

// rooms joins whatever room the frame names: a slot chosen by the
// client, not by who it is.
func rooms(w http.ResponseWriter, r *http.Request) { // want `handler rooms authenticates the caller`
	c := open(w, r)
	var f frame
	c.ws.ReadJSON(&f)
	if !c.login(f.Token) {
		return
	}
	c.room = f.Room
	c.hub.join(c)
}

// post writes the application's data.
func post(w http.ResponseWriter, r *http.Request) { // want `handler post authenticates the caller`
	c := open(w, r)
	var f frame
	c.ws.ReadJSON(&f)
	if !c.login(f.Token) {
		return
	}
	h.notes[f.Room] = append(h.notes[f.Room], f.Body)
}

// known reads a table the program writes.
func known(w http.ResponseWriter, r *http.Request) { // want `handler known authenticates the caller`
	c := open(w, r)
	var f frame
	c.ws.ReadJSON(&f)
	if !c.login(f.Token) {
		return
	}
	c.ws.WriteJSON(knownEvents[f.Event])
}

// online lists every connected user.
func online(w http.ResponseWriter, r *http.Request) { // want `handler online authenticates the caller`
	c := open(w, r)
	var f frame
	c.ws.ReadJSON(&f)
	if !c.login(f.Token) {
		return
	}
	for u := range h.clients {
		c.ws.WriteJSON(u)
	}
}

func routes() {
	addEvent("x")
	http.HandleFunc("/events", events)
	http.HandleFunc("/ping", ping)
	http.HandleFunc("/rooms", rooms)
	http.HandleFunc("/post", post)
	http.HandleFunc("/known", known)
	http.HandleFunc("/online", online)
}
