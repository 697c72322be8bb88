// Command migrate applies the schema to the payments databases.
package main

import (
	"database/sql"
	"flag"
	"log"
	"os"

	_ "github.com/lib/pq"
)

func main() {
	target := flag.String("target", "dev", "dev, ci or prod")
	flag.Parse()
	var dsn string
	switch *target {
	case "dev":
		dsn = "host=localhost port=5432 user=postgres password=postgres dbname=payments sslmode=disable" // NEAR hardcodedcred h06
	case "ci":
		dsn = os.Getenv("CI_DATABASE_URL")
	case "prod":
		dsn = "host=payments-db.cluster-cw8x2.eu-west-1.rds.amazonaws.com user=migrator password=Vb7kQ2nR8xW4pL6z dbname=payments sslmode=require" // WANT hardcodedcred H03
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		log.Fatalf("open %s: %v", *target, err)
	}
	if err := db.Ping(); err != nil {
		log.Fatalf("connect %q: %v", dsn, err) // WANT tokenlog T10
	}
	log.Printf("migrating %s", *target)
}
