// Command svcauth runs the billing API's auth front.
package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"example.com/blind7/svcauth/internal/s2s"
	"example.com/blind7/svcauth/internal/upstream"
)

func main() {
	v := s2s.New("billing-api", nil, os.Getenv("BATCH_TOKEN"))
	up := upstream.New(context.Background(), upstream.Config{TokenURL: os.Getenv("TOKEN_URL"), ClientID: os.Getenv("CLIENT_ID"), ClientSecret: os.Getenv("CLIENT_SECRET")})
	_ = up
	http.HandleFunc("/v1/price", func(w http.ResponseWriter, r *http.Request) {
		if _, err := v.CallerFast(r); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		w.Write([]byte("{}"))
	})
	http.HandleFunc("/v1/export", func(w http.ResponseWriter, r *http.Request) {
		if !v.BatchLegacy(w, r) {
			return
		}
		w.Write([]byte("{}"))
	})
	log.Fatal(http.ListenAndServe(":8084", nil))
}
