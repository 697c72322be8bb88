// Command inventory serves the inventory API.
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/blind3/inventory/internal/auth"
	"example.com/blind3/inventory/internal/httpapi"
	"example.com/blind3/inventory/internal/service"
)

func main() {
	v := &auth.Verifier{Key: []byte(os.Getenv("JWT_KEY")), Issuer: "https://id.example.com", Audience: "inventory"}
	srv := httpapi.New(v, service.NewStore())
	log.Fatal(http.ListenAndServe(":8080", srv))
}
