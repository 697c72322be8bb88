// Command ledger serves the ledger and partner APIs.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/labstack/echo/v4"

	"example.com/blind3/ledger/internal/api"
	"example.com/blind3/ledger/internal/partner"
)

func main() {
	srv := api.NewServer(os.Getenv("LEDGER_ADMIN_KEY"))
	go func() { log.Fatal(http.ListenAndServe(":8080", srv.Router())) }()
	e := echo.New()
	partner.New().Register(e)
	log.Fatal(e.Start(":8081"))
}
