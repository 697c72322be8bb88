package queryroutesdisp // want package:`tokenlog\(query params token read by queryroutesdisp\)`

// An account package serving its API through one dispatcher. The
// import-progress stream is served inline, under a test that pins the
// request path; every other path goes to the API handler.

import (
	"log"
	"net/http"
)

func Handler(api http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		handle(api, w, r)
	}
}

func handle(api http.Handler, w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/importprogress" && r.Method == "GET" {
		token := r.URL.Query().Get("token")
		if token == "" {
			http.Error(w, "missing token", http.StatusBadRequest)
		}
		return
	}
	log.Printf("api call %s", r.URL) // want `request URL with the "token" query parameter`
	api.ServeHTTP(w, r)
}
