// Command sso serves the console login, partner SSO and authorization endpoint.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"golang.org/x/oauth2"

	"example.com/blind3/sso/internal/authorize"
	"example.com/blind3/sso/internal/echoapp"
	"example.com/blind3/sso/internal/ginapp"
)

func main() {
	r := gin.New()
	(&ginapp.Console{
		OAuth: &oauth2.Config{
			ClientID:     os.Getenv("GH_CLIENT_ID"),
			ClientSecret: os.Getenv("GH_CLIENT_SECRET"),
			Endpoint:     oauth2.Endpoint{AuthURL: "https://github.com/login/oauth/authorize", TokenURL: "https://github.com/login/oauth/access_token"},
			RedirectURL:  os.Getenv("GH_REDIRECT_URL"), // NEAR oauthredirect o22
			Scopes:       []string{"read:user"},
		},
		PublicURL:   os.Getenv("CONSOLE_URL"),
		TrustedHost: os.Getenv("CONSOLE_HOST"),
	}).Register(r)
	go func() { log.Fatal(r.Run(":8080")) }()

	e := echo.New()
	(&echoapp.SSO{Key: []byte(os.Getenv("SSO_KEY")), Users: map[string]string{}}).Register(e)
	go func() { log.Fatal(e.Start(":8081")) }()

	az := &authorize.Server{Clients: map[string]authorize.Client{}, Codes: map[string]string{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /oauth/authorize", az.Authorize)
	mux.HandleFunc("GET /oauth/authorize-loose", az.AuthorizeLoose)
	mux.HandleFunc("GET /oauth/consent/done", authorize.ConsentDone)
	log.Fatal(http.ListenAndServe(":8082", mux))
}
