// Command tickets serves the ticket API.
package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"net/http"

	"example.com/blind3/tickets/internal/authn"
	"example.com/blind3/tickets/internal/handlers"
	"example.com/blind3/tickets/internal/repo"
)

type dbSessions struct{ db *sql.DB }

func (s dbSessions) Lookup(ctx context.Context, id string) (*authn.User, error) {
	if id == "" {
		return nil, errors.New("no session")
	}
	var u authn.User
	err := s.db.QueryRowContext(ctx, `SELECT u.id, u.email, u.is_agent, u.is_admin FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`, id).
		Scan(&u.ID, &u.Email, &u.IsAgent, &u.IsAdmin)
	if err != nil {
		return nil, err
	}
	return &u, nil
}

func main() {
	db, err := sql.Open("postgres", "")
	if err != nil {
		log.Fatal(err)
	}
	h := &handlers.Handlers{Auth: &authn.Middleware{Sessions: dbSessions{db}}, Repo: &repo.Repo{DB: db}}
	log.Fatal(http.ListenAndServe(":8080", h.Router()))
}
