// Command portal serves the customer portal.
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/blind3/portal/internal/web"
)

func main() {
	app, err := web.New(web.Config{
		BaseURL:      os.Getenv("PORTAL_BASE_URL"),
		ClientID:     os.Getenv("OAUTH_CLIENT_ID"),
		ClientSecret: os.Getenv("OAUTH_CLIENT_SECRET"),
		ReturnKey:    []byte(os.Getenv("RETURN_KEY")),
		DocsSiteURL:  "https://docs.example.com",
	})
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe(":8080", app.Routes()))
}
