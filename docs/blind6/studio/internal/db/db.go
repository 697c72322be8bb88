// Package db is the studio's data access.
package db

import (
	"context"
	"database/sql"
	"time"
)

type User struct {
	ID    string
	Email string
	Role  string // "member", "admin"
	OrgID string
}

type Asset struct {
	ID      string
	OwnerID string
	Name    string
	Path    string
}

type Project struct {
	ID    string
	OrgID string
	Name  string
}

type Invoice struct {
	ID     string
	OrgID  string
	Amount int64
}

type DB struct{ sql *sql.DB }

func New(s *sql.DB) *DB { return &DB{sql: s} }

func (d *DB) UserBySession(ctx context.Context, sid string) (*User, error) {
	var u User
	err := d.sql.QueryRowContext(ctx, `SELECT u.id, u.email, u.role, u.org_id FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.id = $1 AND s.expires_at > $2`, sid, time.Now()).Scan(&u.ID, &u.Email, &u.Role, &u.OrgID)
	if err != nil {
		return nil, err
	}
	return &u, nil
}

func (d *DB) UserByEmail(ctx context.Context, email string) (*User, []byte, error) {
	var u User
	var hash []byte
	err := d.sql.QueryRowContext(ctx, `SELECT id, email, role, org_id, password_hash FROM users WHERE email = $1`, email).
		Scan(&u.ID, &u.Email, &u.Role, &u.OrgID, &hash)
	if err != nil {
		return nil, nil, err
	}
	return &u, hash, nil
}

func (d *DB) CreateSession(ctx context.Context, sid, userID string) error {
	_, err := d.sql.ExecContext(ctx, `INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)`,
		sid, userID, time.Now().Add(12*time.Hour))
	return err
}

func (d *DB) DeleteSession(ctx context.Context, sid string) error {
	_, err := d.sql.ExecContext(ctx, `DELETE FROM sessions WHERE id = $1`, sid)
	return err
}

func (d *DB) IsProjectMember(ctx context.Context, projectID, userID string) (bool, error) {
	var n int
	err := d.sql.QueryRowContext(ctx, `SELECT count(*) FROM project_members WHERE project_id = $1 AND user_id = $2`,
		projectID, userID).Scan(&n)
	return n > 0, err
}

func (d *DB) Project(ctx context.Context, id string) (*Project, error) {
	var p Project
	err := d.sql.QueryRowContext(ctx, `SELECT id, org_id, name FROM projects WHERE id = $1`, id).Scan(&p.ID, &p.OrgID, &p.Name)
	if err != nil {
		return nil, err
	}
	return &p, nil
}

func (d *DB) RenameProject(ctx context.Context, id, name string) error {
	_, err := d.sql.ExecContext(ctx, `UPDATE projects SET name = $2 WHERE id = $1`, id, name)
	return err
}

func (d *DB) Asset(ctx context.Context, id string) (*Asset, error) {
	var a Asset
	err := d.sql.QueryRowContext(ctx, `SELECT id, owner_id, name, path FROM assets WHERE id = $1`, id).
		Scan(&a.ID, &a.OwnerID, &a.Name, &a.Path)
	if err != nil {
		return nil, err
	}
	return &a, nil
}

func (d *DB) DeleteAsset(ctx context.Context, id string) error {
	_, err := d.sql.ExecContext(ctx, `DELETE FROM assets WHERE id = $1`, id)
	return err
}

func (d *DB) QueueRender(ctx context.Context, assetID, preset string) (string, error) {
	var job string
	err := d.sql.QueryRowContext(ctx, `INSERT INTO render_jobs (asset_id, preset) VALUES ($1, $2) RETURNING id`,
		assetID, preset).Scan(&job)
	return job, err
}

func (d *DB) DeleteUser(ctx context.Context, id string) error {
	_, err := d.sql.ExecContext(ctx, `DELETE FROM users WHERE id = $1`, id)
	return err
}

func (d *DB) SetUserRole(ctx context.Context, id, role string) error {
	_, err := d.sql.ExecContext(ctx, `UPDATE users SET role = $2 WHERE id = $1`, id, role)
	return err
}

func (d *DB) AllInvoices(ctx context.Context) ([]Invoice, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT id, org_id, amount FROM invoices ORDER BY created_at DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Invoice
	for rows.Next() {
		var in Invoice
		if err := rows.Scan(&in.ID, &in.OrgID, &in.Amount); err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, rows.Err()
}

func (d *DB) InvoicesOfOrg(ctx context.Context, orgID string) ([]Invoice, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT id, org_id, amount FROM invoices WHERE org_id = $1`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Invoice
	for rows.Next() {
		var in Invoice
		if err := rows.Scan(&in.ID, &in.OrgID, &in.Amount); err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, rows.Err()
}
