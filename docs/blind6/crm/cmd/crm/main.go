package main

import (
	"database/sql"
	"log"
	"os"

	"example.com/blind6/crm/internal/api"
	"example.com/blind6/crm/internal/repo"
)

func main() {
	db, err := sql.Open("mysql", os.Getenv("MYSQL_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	h := api.New(&repo.Repo{DB: db}, []byte(os.Getenv("JWT_KEY")), []byte(os.Getenv("SYNC_JWT_KEY")), []byte(os.Getenv("MAIL_HOOK_SECRET")))
	log.Fatal(h.Engine().Run(":8080"))
}
