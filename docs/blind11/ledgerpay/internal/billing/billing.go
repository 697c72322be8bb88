// Package billing keeps invoices, accounts and coupons, and the rules for changing where an
// account's payouts go.
package billing

import (
	"context"
	"errors"
	"slices"
	"sort"
	"sync"
	"time"
)

var (
	ErrNotFound  = errors.New("not found")
	ErrForbidden = errors.New("forbidden")
)

type Invoice struct {
	ID         string    `json:"id"`
	AccountID  string    `json:"account_id"`
	ChargeID   string    `json:"charge_id"`
	AmountDue  int64     `json:"amount_due"`
	AmountPaid int64     `json:"amount_paid"`
	Currency   string    `json:"currency"`
	Status     string    `json:"status"`
	IssuedAt   time.Time `json:"issued_at"`
}

type Account struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	CustomerID string            `json:"customer_id"` // the processor's customer
	Members    map[string]string `json:"-"`           // email -> role ("owner", "finance", "viewer")
	Payout     *PayoutDest       `json:"payout,omitempty"`
	Credit     int64             `json:"credit"`
}

type PayoutDest struct {
	IBAN   string `json:"iban"`
	Holder string `json:"holder"`
}

type Coupon struct {
	Code       string `json:"code"`
	PercentOff int    `json:"percent_off"`
	Redeemed   int    `json:"redeemed"`
}

type Settlement struct {
	ID       string    `json:"id"`
	Merchant string    `json:"merchant"`
	Amount   int64     `json:"amount"`
	Currency string    `json:"currency"`
	PaidOut  time.Time `json:"paid_out"`
}

// Store is the in-memory store the API runs on in development; production uses the same
// interface over Postgres.
type Store struct {
	mu          sync.RWMutex
	invoices    map[string]*Invoice
	accounts    map[string]*Account
	coupons     map[string]*Coupon
	settlements []Settlement
	users       map[string]User
}

type User struct {
	Email        string
	AccountID    string
	PasswordHash []byte
	Roles        []string
}

func NewStore() *Store {
	return &Store{invoices: map[string]*Invoice{}, accounts: map[string]*Account{}, coupons: map[string]*Coupon{}, users: map[string]User{}}
}

func (s *Store) User(email string) (User, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	u, ok := s.users[email]
	return u, ok
}

func (s *Store) Invoice(id string) (*Invoice, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	inv, ok := s.invoices[id]
	if !ok {
		return nil, ErrNotFound
	}
	cp := *inv
	return &cp, nil
}

// InvoicesOf lists an account's invoices, newest first.
func (s *Store) InvoicesOf(accountID string, limit int) []Invoice {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Invoice
	for _, inv := range s.invoices {
		if inv.AccountID == accountID {
			out = append(out, *inv)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IssuedAt.After(out[j].IssuedAt) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

func (s *Store) MarkRefunded(id string, amount int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if inv, ok := s.invoices[id]; ok {
		inv.AmountPaid -= amount
		inv.Status = "refunded"
	}
}

func (s *Store) Account(id string) (*Account, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	a, ok := s.accounts[id]
	if !ok {
		return nil, ErrNotFound
	}
	return a, nil
}

func (s *Store) AddCredit(accountID string, amount int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.accounts[accountID]
	if !ok {
		return ErrNotFound
	}
	a.Credit += amount
	return nil
}

func (s *Store) DeleteCoupon(code string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.coupons[code]; !ok {
		return ErrNotFound
	}
	delete(s.coupons, code)
	return nil
}

func (s *Store) Settlements(merchant string, since time.Time) []Settlement {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Settlement
	for _, st := range s.settlements {
		if st.Merchant == merchant && st.PaidOut.After(since) {
			out = append(out, st)
		}
	}
	return out
}

func (s *Store) AddStatementLine(accountRef string, amount int64, currency string, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settlements = append(s.settlements, Settlement{ID: accountRef + at.Format("20060102150405"), Merchant: accountRef, Amount: amount, Currency: currency, PaidOut: at})
}

// Service holds the business rules the handlers call.
type Service struct {
	Store *Store
}

// Caller is who the handler says is calling.
type Caller struct {
	AccountID string
	Email     string
	Roles     []string
}

// SetPayout changes where an account's payouts go. Only the account's owners may do so, and
// platform support staff acting on a ticket.
func (svc *Service) SetPayout(ctx context.Context, caller Caller, accountID string, dest PayoutDest) error {
	acct, err := svc.Store.Account(accountID)
	if err != nil {
		return err
	}
	if acct.Members[caller.Email] != "owner" && !slices.Contains(caller.Roles, "support") {
		return ErrForbidden
	}
	svc.Store.mu.Lock()
	acct.Payout = &dest
	svc.Store.mu.Unlock()
	return nil
}
