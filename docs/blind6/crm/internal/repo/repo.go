// Package repo is the CRM's storage.
package repo

import (
	"context"
	"database/sql"
)

type Contact struct {
	ID    string `json:"id"`
	OrgID string `json:"org_id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

type Repo struct{ DB *sql.DB }

func (r *Repo) ContactsOfOrg(ctx context.Context, orgID string) ([]Contact, error) {
	rows, err := r.DB.QueryContext(ctx, `SELECT id, org_id, name, email FROM contacts WHERE org_id = ?`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Contact
	for rows.Next() {
		var c Contact
		if err := rows.Scan(&c.ID, &c.OrgID, &c.Name, &c.Email); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (r *Repo) Contact(ctx context.Context, id string) (*Contact, error) {
	var c Contact
	err := r.DB.QueryRowContext(ctx, `SELECT id, org_id, name, email FROM contacts WHERE id = ?`, id).
		Scan(&c.ID, &c.OrgID, &c.Name, &c.Email)
	if err != nil {
		return nil, err
	}
	return &c, nil
}

func (r *Repo) UpdateContact(ctx context.Context, c *Contact) error {
	_, err := r.DB.ExecContext(ctx, `UPDATE contacts SET name = ?, email = ? WHERE id = ?`, c.Name, c.Email, c.ID)
	return err
}

func (r *Repo) DeleteContact(ctx context.Context, id string) error {
	_, err := r.DB.ExecContext(ctx, `DELETE FROM contacts WHERE id = ?`, id)
	return err
}

func (r *Repo) InsertContacts(ctx context.Context, orgID string, cs []Contact) error {
	for _, c := range cs {
		if _, err := r.DB.ExecContext(ctx, `INSERT INTO contacts (org_id, name, email) VALUES (?, ?, ?)`, orgID, c.Name, c.Email); err != nil {
			return err
		}
	}
	return nil
}

func (r *Repo) CreateDeal(ctx context.Context, orgID, title string, cents int64) (string, error) {
	res, err := r.DB.ExecContext(ctx, `INSERT INTO deals (org_id, title, cents) VALUES (?, ?, ?)`, orgID, title, cents)
	if err != nil {
		return "", err
	}
	id, _ := res.LastInsertId()
	return string(rune(id)), nil
}

func (r *Repo) SetDealStage(ctx context.Context, id, stage string) error {
	_, err := r.DB.ExecContext(ctx, `UPDATE deals SET stage = ? WHERE id = ?`, stage, id)
	return err
}

func (r *Repo) DeleteOrg(ctx context.Context, id string) error {
	_, err := r.DB.ExecContext(ctx, `DELETE FROM orgs WHERE id = ?`, id)
	return err
}

func (r *Repo) SuspendOrg(ctx context.Context, id string) error {
	_, err := r.DB.ExecContext(ctx, `UPDATE orgs SET suspended = 1 WHERE id = ?`, id)
	return err
}

func (r *Repo) AddMember(ctx context.Context, orgID, userID, role string) error {
	_, err := r.DB.ExecContext(ctx, `INSERT INTO org_members (org_id, user_id, role) VALUES (?, ?, ?)`, orgID, userID, role)
	return err
}

func (r *Repo) UserPassword(ctx context.Context, email string) (id, orgID string, hash []byte, perms string, err error) {
	err = r.DB.QueryRowContext(ctx, `SELECT id, org_id, password_hash, permissions FROM users WHERE email = ?`, email).
		Scan(&id, &orgID, &hash, &perms)
	return
}

func (r *Repo) LogEmailEvent(ctx context.Context, messageID, event string) error {
	_, err := r.DB.ExecContext(ctx, `INSERT INTO email_events (message_id, event) VALUES (?, ?)`, messageID, event)
	return err
}
