// Command fleet serves the fleet console.
package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"example.com/blind4/fleet/internal/oidcauth"
	"example.com/blind4/fleet/internal/vehicles"
	"example.com/blind4/fleet/internal/web"
)

func main() {
	ctx := context.Background()
	a, err := oidcauth.New(ctx, oidcauth.Config{
		Issuer:        os.Getenv("OIDC_ISSUER"),
		ClientID:      os.Getenv("OIDC_CLIENT_ID"),
		ClientSecret:  os.Getenv("OIDC_CLIENT_SECRET"),
		RedirectURL:   os.Getenv("OIDC_REDIRECT_URL"),
		CookieSecure:  os.Getenv("COOKIE_INSECURE") == "",
		PartnerIssuer: os.Getenv("PARTNER_ISSUER"),
	})
	if err != nil {
		log.Fatal(err)
	}
	api := &web.API{Auth: a, Store: vehicles.NewStore(), OpsUser: os.Getenv("OPS_USER"), OpsPasswd: os.Getenv("OPS_PASSWORD")}
	mux := http.NewServeMux()
	mux.Handle("/", api.Router())
	mux.HandleFunc("POST /device/telemetry", api.DeviceTelemetry) // NEAR scopecheck s16
	log.Fatal(http.ListenAndServe(":8080", mux))
}
