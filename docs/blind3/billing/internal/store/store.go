// Package store keeps invoices in Postgres.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"net/url"
)

// Config is the database configuration.
type Config struct {
	Host     string
	User     string
	Password string
	Name     string
}

// DSN builds the connection string.
func (c Config) DSN() string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(c.User, c.Password), Host: c.Host, Path: "/" + c.Name}
	return u.String()
}

// RedactedDSN is the connection string without the password.
func (c Config) RedactedDSN() string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(c.User, c.Password), Host: c.Host, Path: "/" + c.Name}
	return u.Redacted()
}

// Store is the invoice repository.
type Store struct {
	db *sql.DB
}

// Open connects to the database.
func Open(cfg Config) (*Store, error) {
	log.Printf("store: connecting to %s", cfg.RedactedDSN()) // NEAR tokenlog t04
	db, err := sql.Open("postgres", cfg.DSN())
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", cfg.DSN(), err) // WANT tokenlog T03
	}
	if err := db.Ping(); err != nil {
		log.Printf("store: ping failed for %s@%s/%s: %v", cfg.User, cfg.Host, cfg.Name, err) // NEAR tokenlog t05
		return nil, err
	}
	return &Store{db: db}, nil
}

// OpenURL connects with a URL from the environment.
func OpenURL(raw string) (*Store, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("store: bad database url: %w", err)
	}
	log.Printf("store: using database %s", u) // WANT tokenlog T04
	db, err := sql.Open("postgres", raw)
	if err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

// Invoice is one invoice.
type Invoice struct {
	ID         string
	CustomerID string
	Amount     int64
}

// MarkPaid marks an invoice paid.
func (s *Store) MarkPaid(ctx context.Context, id, chargeID string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE invoices SET paid = true, charge_id = $2 WHERE id = $1`, id, chargeID)
	if err != nil {
		return fmt.Errorf("store: mark invoice %s paid: %w", id, err)
	}
	return nil
}
