package main

import (
	"database/sql"
	"log"
	"os"

	"example.com/blind6/billing/internal/ledger"
	"example.com/blind6/billing/internal/server"
)

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	s := &server.Server{Ledger: &ledger.Ledger{DB: db}, SigningKey: []byte(os.Getenv("JWT_KEY")),
		WebhookSecret: []byte(os.Getenv("PSP_WEBHOOK_SECRET"))}
	log.Fatal(s.Echo().Start(":8080"))
}
