// Package store is the orders database.
package store

import (
	"context"
	"database/sql"
	"time"
)

type Order struct {
	ID         string
	CustomerID string
	TenantID   string
	Status     string
	TotalCents int64
}

type Partner struct {
	ID   string
	Name string
}

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) OrdersByCustomer(ctx context.Context, tenantID, customerID string) ([]Order, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, customer_id, tenant_id, status, total_cents FROM orders WHERE tenant_id = $1 AND customer_id = $2`,
		tenantID, customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.CustomerID, &o.TenantID, &o.Status, &o.TotalCents); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func (s *Store) Order(ctx context.Context, id string) (*Order, error) {
	var o Order
	err := s.db.QueryRowContext(ctx,
		`SELECT id, customer_id, tenant_id, status, total_cents FROM orders WHERE id = $1`, id).
		Scan(&o.ID, &o.CustomerID, &o.TenantID, &o.Status, &o.TotalCents)
	if err != nil {
		return nil, err
	}
	return &o, nil
}

func (s *Store) SetOrderStatus(ctx context.Context, id, status string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE orders SET status = $2, updated_at = $3 WHERE id = $1`, id, status, time.Now())
	return err
}

func (s *Store) Refund(ctx context.Context, id string, cents int64) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO refunds (order_id, cents) VALUES ($1, $2)`, id, cents)
	return err
}

func (s *Store) DeleteCustomer(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM customers WHERE id = $1`, id)
	return err
}

func (s *Store) UpdateAddress(ctx context.Context, customerID, addressID, line1, city, zip string) error {
	_, err := s.db.ExecContext(ctx,
		`UPDATE addresses SET line1 = $3, city = $4, zip = $5 WHERE customer_id = $1 AND id = $2`,
		customerID, addressID, line1, city, zip)
	return err
}

func (s *Store) Audit(ctx context.Context, actor, action, target string) {
	_, _ = s.db.ExecContext(ctx, `INSERT INTO audit_log (actor, action, target, at) VALUES ($1, $2, $3, $4)`,
		actor, action, target, time.Now())
}

func (s *Store) QueueExport(ctx context.Context, tenantID, format string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO exports (tenant_id, format) VALUES ($1, $2) RETURNING id`, tenantID, format).Scan(&id)
	return id, err
}

func (s *Store) CreateDiscount(ctx context.Context, code string, percent int) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO discounts (code, percent) VALUES ($1, $2)`, code, percent)
	return err
}

func (s *Store) PartnerByKeyHash(ctx context.Context, hash string) (*Partner, error) {
	var p Partner
	err := s.db.QueryRowContext(ctx, `SELECT id, name FROM partners WHERE key_hash = $1 AND revoked_at IS NULL`, hash).
		Scan(&p.ID, &p.Name)
	if err != nil {
		return nil, err
	}
	return &p, nil
}

func (s *Store) Reindex(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `REFRESH MATERIALIZED VIEW CONCURRENTLY order_search`)
	return err
}

func (s *Store) MergeCustomers(ctx context.Context, keep, drop string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE orders SET customer_id = $1 WHERE customer_id = $2`, keep, drop); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM customers WHERE id = $1`, drop); err != nil {
		return err
	}
	return tx.Commit()
}
