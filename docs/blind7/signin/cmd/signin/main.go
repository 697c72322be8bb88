// Command signin runs the sign-in service.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"time"

	"example.com/blind7/signin/internal/admin"
	"example.com/blind7/signin/internal/apple"
	"example.com/blind7/signin/internal/google"
	"example.com/blind7/signin/internal/session"
	"example.com/blind7/signin/internal/workspace"
)

func main() {
	ctx := context.Background()
	sessions := session.NewManager([]byte(os.Getenv("SESSION_KEY")), 15*time.Minute)
	sessions.SecureCookies = os.Getenv("DEV") == ""
	mux := http.NewServeMux()
	(&google.Handler{WebClientID: os.Getenv("GOOGLE_CLIENT_ID"), Sessions: sessions}).Register(mux)
	(&apple.Handler{BundleID: os.Getenv("APPLE_BUNDLE_ID"), ServicesID: os.Getenv("APPLE_SERVICES_ID")}).Register(mux)
	admin.New().Register(mux)
	ws, err := workspace.New(ctx, os.Getenv("CHAT_PROJECT_NUMBER"), os.Getenv("ADDON_URL"), os.Getenv("PUBLIC_ISSUER"))
	if err != nil {
		log.Fatal(err)
	}
	mux.HandleFunc("POST /workspace/chat", ws.Chat)
	mux.HandleFunc("POST /workspace/addon", ws.Addon)
	mux.HandleFunc("GET /logout", ws.EndSession)
	mux.Handle("GET /me", sessions.Require(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := session.FromContext(r.Context())
		w.Write([]byte(c.UserID))
	})))
	log.Fatal(http.ListenAndServe(":8080", mux))
}
