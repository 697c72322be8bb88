package usequerydial

// usequerydial is a GUI that logs its requests' URLs and imports the
// relay client: the relay URI's token is no parameter of the GUI's
// requests, so the logs below are silent.

import (
	"log"
	"net/http"
	"net/url"

	"querydial"
)

func Serve(relay *url.URL) *querydial.Client { return querydial.NewClient(relay) } // want Serve:`result 0.1 is token from the "token" URL parameter; param 0 flows to result 0.0`

func Handle(w http.ResponseWriter, r *http.Request) {
	log.Printf("GUI request %s", r.URL.String()) // silent: no served request's query holds a credential
	log.Printf("GUI request %s", r.RequestURI)   // silent
}
