// Package repo stores tickets.
package repo

import (
	"context"
	"database/sql"
	"fmt"
)

// Ticket is a support ticket.
type Ticket struct {
	ID         string
	ReporterID string
	AssigneeID string
	Status     string
	Priority   int
	Title      string
}

// Repo is the ticket repository.
type Repo struct {
	DB *sql.DB
}

// Get loads a ticket.
func (r *Repo) Get(ctx context.Context, id string) (*Ticket, error) {
	var t Ticket
	err := r.DB.QueryRowContext(ctx, `SELECT id, reporter_id, assignee_id, status, priority, title FROM tickets WHERE id = $1`, id).
		Scan(&t.ID, &t.ReporterID, &t.AssigneeID, &t.Status, &t.Priority, &t.Title)
	if err != nil {
		return nil, fmt.Errorf("repo: get ticket %s: %w", id, err)
	}
	return &t, nil
}

// ListByReporter lists a user's own tickets.
func (r *Repo) ListByReporter(ctx context.Context, userID string) ([]Ticket, error) {
	rows, err := r.DB.QueryContext(ctx, `SELECT id, title FROM tickets WHERE reporter_id = $1`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Ticket
	for rows.Next() {
		var t Ticket
		if err := rows.Scan(&t.ID, &t.Title); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Exec runs a write statement.
func (r *Repo) Exec(ctx context.Context, q string, args ...any) error {
	_, err := r.DB.ExecContext(ctx, q, args...)
	return err
}
