// Package devices is the device registry and command queue.
package devices

import (
	"context"
	"database/sql"
	"time"
)

type Device struct {
	ID       string
	TenantID string
	Firmware string
	Locked   bool
}

type Registry struct{ DB *sql.DB }

func (r *Registry) Get(ctx context.Context, id string) (*Device, error) {
	var d Device
	err := r.DB.QueryRowContext(ctx, `SELECT id, tenant_id, firmware, locked FROM devices WHERE id = $1`, id).
		Scan(&d.ID, &d.TenantID, &d.Firmware, &d.Locked)
	if err != nil {
		return nil, err
	}
	return &d, nil
}

func (r *Registry) OfTenant(ctx context.Context, tenantID string) ([]Device, error) {
	rows, err := r.DB.QueryContext(ctx, `SELECT id, tenant_id, firmware, locked FROM devices WHERE tenant_id = $1`, tenantID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Device
	for rows.Next() {
		var d Device
		if err := rows.Scan(&d.ID, &d.TenantID, &d.Firmware, &d.Locked); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func (r *Registry) Decommission(ctx context.Context, id string) error {
	_, err := r.DB.ExecContext(ctx, `UPDATE devices SET decommissioned_at = $2 WHERE id = $1`, id, time.Now())
	return err
}

func (r *Registry) Command(ctx context.Context, id, cmd, arg string) error {
	_, err := r.DB.ExecContext(ctx, `INSERT INTO device_commands (device_id, command, arg) VALUES ($1, $2, $3)`, id, cmd, arg)
	return err
}

func (r *Registry) SetLocked(ctx context.Context, id string, locked bool) error {
	_, err := r.DB.ExecContext(ctx, `UPDATE devices SET locked = $2 WHERE id = $1`, id, locked)
	return err
}

func (r *Registry) Transfer(ctx context.Context, id, tenantID string) error {
	_, err := r.DB.ExecContext(ctx, `UPDATE devices SET tenant_id = $2 WHERE id = $1`, id, tenantID)
	return err
}

func (r *Registry) RevokeKey(ctx context.Context, tenantID, keyID string) error {
	_, err := r.DB.ExecContext(ctx, `UPDATE tenant_keys SET revoked_at = now() WHERE tenant_id = $1 AND id = $2`, tenantID, keyID)
	return err
}

type Point struct {
	Metric string
	Value  float64
}

func (r *Registry) Telemetry(ctx context.Context, id string) ([]Point, error) {
	rows, err := r.DB.QueryContext(ctx, `SELECT metric, value FROM telemetry WHERE device_id = $1 ORDER BY at DESC LIMIT 500`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Point
	for rows.Next() {
		var p Point
		if err := rows.Scan(&p.Metric, &p.Value); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

type User struct {
	ID       string
	TenantID string
	Roles    []string
}

func (r *Registry) UserBySession(ctx context.Context, sid string) (*User, error) {
	var u User
	var role string
	err := r.DB.QueryRowContext(ctx, `SELECT u.id, u.tenant_id, u.role FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`, sid).
		Scan(&u.ID, &u.TenantID, &role)
	if err != nil {
		return nil, err
	}
	u.Roles = []string{role}
	return &u, nil
}
