package usequeryroutesdep // want package:`tokenlog\(query params token read by queryroutesdep\)`

// The web server importing it: its static file handler serves other
// routes, whose URLs never carry the token; its access log sees every
// route's URL, the import stream's included, and so does the helper it
// calls.

import (
	"log"
	"net/http"

	"queryroutesdep"
)

func static(w http.ResponseWriter, r *http.Request) {
	log.Printf("static file %s", r.URL.String()) // silent: a static file's route never carries the token
	http.ServeFile(w, r, r.URL.Path)
}

func logRequest(r *http.Request) {
	log.Printf("request %s", r.URL.String()) // want `request URL with the "token" query parameter \(read by queryroutesdep\)`
}

type server struct{ mux *http.ServeMux }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	logRequest(r)
	s.mux.ServeHTTP(w, r)
}

func newServer() *server {
	mux := http.NewServeMux()
	mux.HandleFunc("/static/", static)
	mux.HandleFunc("/account/import", queryroutesdep.ImportProgress)
	return &server{mux: mux}
}
