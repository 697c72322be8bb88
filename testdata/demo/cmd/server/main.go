// Command server serves the VidStream video API.
package main

import (
	"log"
	"net/http"

	"example.com/vidstream/internal/auth"
	"example.com/vidstream/internal/handlers"
	"example.com/vidstream/internal/store"
)

func main() {
	api := &handlers.API{Store: store.New()}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", handlers.Health)
	mux.Handle("GET /videos", auth.RequireAuth(auth.RequireScope("videos:read", http.HandlerFunc(api.ListVideos))))
	mux.Handle("DELETE /videos/{id}", auth.RequireAuth(http.HandlerFunc(api.DeleteVideo)))
	mux.HandleFunc("GET /export", api.ExportAll)
	log.Fatal(http.ListenAndServe("127.0.0.1:8080", mux))
}
