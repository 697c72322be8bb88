package main

import (
	"crypto/rsa"
	"crypto/x509"
	"database/sql"
	"encoding/pem"
	"log/slog"
	"net/http"
	"os"

	"example.com/blind6/orders/internal/httpapi"
	"example.com/blind6/orders/internal/store"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	block, _ := pem.Decode([]byte(os.Getenv("IDP_PUBLIC_KEY")))
	if block == nil {
		log.Error("no IDP_PUBLIC_KEY")
		os.Exit(1)
	}
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Error("key", "err", err)
		os.Exit(1)
	}
	srv := httpapi.New(store.New(db), pub.(*rsa.PublicKey), os.Getenv("IDP_ISSUER"),
		os.Getenv("ADMIN_TOKEN"), []byte(os.Getenv("CARRIER_WEBHOOK_SECRET")), log)
	if err := http.ListenAndServe(":8080", srv.Routes()); err != nil {
		log.Error("serve", "err", err)
	}
}
