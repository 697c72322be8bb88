package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	"example.com/blind6/registry/internal/api"
	"example.com/blind6/registry/internal/meta"
	"example.com/blind6/registry/internal/mirror"
)

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	st := &meta.Store{DB: db}
	go func() {
		log.Fatal(http.ListenAndServe(":9090", (&mirror.Control{Store: st}).Router()))
	}()
	log.Fatal(http.ListenAndServe(":8080", (&api.API{Store: st}).Router()))
}
