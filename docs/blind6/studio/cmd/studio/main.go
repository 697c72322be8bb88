package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	"example.com/blind6/studio/internal/db"
	"example.com/blind6/studio/internal/web"
)

func main() {
	conn, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	h := &web.Handlers{DB: db.New(conn)}
	log.Fatal(http.ListenAndServe(":8080", h.Router()))
}
