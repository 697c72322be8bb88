// Command webapp runs the web application.
package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/gorilla/mux"

	"example.com/blind7/webapp/internal/api"
	"example.com/blind7/webapp/internal/live"
	"example.com/blind7/webapp/internal/login"
)

func main() {
	l, err := login.New(context.Background(), login.Settings{Issuer: os.Getenv("OIDC_ISSUER"), ClientID: os.Getenv("OIDC_CLIENT_ID"), ClientSecret: os.Getenv("OIDC_CLIENT_SECRET"), RedirectURL: os.Getenv("OIDC_REDIRECT_URL")}, []byte(os.Getenv("SESSION_KEY")))
	if err != nil {
		log.Fatal(err)
	}
	r := mux.NewRouter()
	r.HandleFunc("/auth/start", l.Start)
	r.HandleFunc("/auth/callback", l.Callback)
	r.HandleFunc("/auth/refresh", l.Refresh)
	r.HandleFunc("/auth/resume", l.Resume)
	r.HandleFunc("/auth/offline", l.Offline)
	r.HandleFunc("/embed/start", l.Embed)
	r.Handle("/live", &live.Hub{})
	(&api.API{}).Register(r)
	log.Fatal(http.ListenAndServe(":8085", r))
}
