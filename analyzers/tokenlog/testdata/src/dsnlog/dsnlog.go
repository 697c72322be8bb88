// Package dsnlog: a database connection string holds the database password.
package dsnlog

import (
	"database/sql"
	"log"
	"log/slog"
	"net/url"
	"os"
	"strings"
)

type Config struct {
	DatabaseURL  string
	DatabaseName string
	DBHost       string
	RedisURL     string
}

const envDatabaseURL = "DATABASE_URL"

func connect(cfg *Config) (*sql.DB, error) {
	db, err := sql.Open("postgres", cfg.DatabaseURL)
	if err != nil {
		slog.Error("database unavailable", "dsn", cfg.DatabaseURL, "err", err) // want `database connection string \(with its password\) in field DatabaseURL reaches slog.Error`
		return nil, err
	}
	return db, nil
}

func fromEnv() {
	log.Printf("connecting to %s", os.Getenv("DATABASE_URL")) // want `database connection string \(with its password\) in environment variable DATABASE_URL reaches log.Printf`
	mongoURI := os.Getenv("MONGO_URL")
	log.Println("mongo", mongoURI) // want `reaches log.Println`
}

func openDSN(dsn string) {
	if _, err := sql.Open("mysql", dsn); err != nil {
		log.Printf("open %q: %v", dsn, err) // want `database connection string \(with its password\) in parameter dsn reaches log.Printf`
	}
}

func redis(cfg Config) {
	slog.Info("cache", "redis", cfg.RedisURL) // want `reaches slog.Info`
}

// Near misses: parts, redacted forms, lengths, names and env-var names.
func nearMisses(cfg *Config) {
	u, err := url.Parse(cfg.DatabaseURL)
	if err == nil {
		slog.Info("database", "host", u.Host, "db", strings.TrimPrefix(u.Path, "/"))
		slog.Info("database", "url", u.Redacted())
	}
	slog.Info("database", "name", cfg.DatabaseName, "host", cfg.DBHost)
	log.Printf("%s is set (%d bytes)", envDatabaseURL, len(cfg.DatabaseURL))
	log.Printf("using %s", redactDSN(cfg.DatabaseURL))
	dbURLTemplate := "postgres://%s@%s/%s"
	log.Printf("template %s", dbURLTemplate)
}

func redactDSN(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "invalid"
	}
	return u.Redacted()
}
