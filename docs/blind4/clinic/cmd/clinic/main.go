// Command clinic serves the clinic API.
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/blind4/clinic/internal/auth"
	"example.com/blind4/clinic/internal/httpapi"
	"example.com/blind4/clinic/internal/records"
)

func main() {
	v := auth.NewVerifier([]byte(os.Getenv("CLINIC_JWT_KEY")), "https://clinic.example")
	srv := httpapi.New(v, records.NewStore(), []byte(os.Getenv("LAB_WEBHOOK_SECRET")), os.Getenv("CLINIC_ADMIN_TOKEN"))
	log.Fatal(http.ListenAndServeTLS(":8443", "tls.crt", "tls.key", srv))
}
