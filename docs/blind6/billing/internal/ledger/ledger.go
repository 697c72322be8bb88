// Package ledger keeps invoices, plans and credits.
package ledger

import (
	"context"
	"database/sql"
)

type Invoice struct {
	ID        string `json:"id"`
	AccountID string `json:"account_id"`
	Cents     int64  `json:"cents"`
	Status    string `json:"status"`
}

type Usage struct {
	AccountID string `json:"account_id"`
	APICalls  int64  `json:"api_calls"`
	StorageGB int64  `json:"storage_gb"`
}

type Ledger struct{ DB *sql.DB }

func (l *Ledger) Invoice(ctx context.Context, id string) (*Invoice, error) {
	var in Invoice
	err := l.DB.QueryRowContext(ctx, `SELECT id, account_id, cents, status FROM invoices WHERE id = $1`, id).
		Scan(&in.ID, &in.AccountID, &in.Cents, &in.Status)
	if err != nil {
		return nil, err
	}
	return &in, nil
}

func (l *Ledger) SetInvoiceStatus(ctx context.Context, id, status string) error {
	_, err := l.DB.ExecContext(ctx, `UPDATE invoices SET status = $2 WHERE id = $1`, id, status)
	return err
}

func (l *Ledger) GrantCredit(ctx context.Context, accountID string, cents int64, reason string) error {
	_, err := l.DB.ExecContext(ctx, `INSERT INTO credits (account_id, cents, reason) VALUES ($1, $2, $3)`, accountID, cents, reason)
	return err
}

func (l *Ledger) UpdatePlan(ctx context.Context, id string, monthlyCents int64) error {
	_, err := l.DB.ExecContext(ctx, `UPDATE plans SET monthly_cents = $2 WHERE id = $1`, id, monthlyCents)
	return err
}

func (l *Ledger) Usage(ctx context.Context, accountID string) (*Usage, error) {
	u := Usage{AccountID: accountID}
	err := l.DB.QueryRowContext(ctx, `SELECT api_calls, storage_gb FROM usage WHERE account_id = $1`, accountID).
		Scan(&u.APICalls, &u.StorageGB)
	if err != nil {
		return nil, err
	}
	return &u, nil
}

func (l *Ledger) CloseAccount(ctx context.Context, id string) error {
	_, err := l.DB.ExecContext(ctx, `UPDATE accounts SET closed_at = now() WHERE id = $1`, id)
	return err
}

func (l *Ledger) MarkPaidByProvider(ctx context.Context, providerRef string) error {
	_, err := l.DB.ExecContext(ctx, `UPDATE invoices SET status = 'paid' WHERE provider_ref = $1`, providerRef)
	return err
}
