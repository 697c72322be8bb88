// Package service holds the business rules that more than one transport shares.
package service

import (
	"context"
	"errors"
	"slices"

	"example.com/blind6/orders/internal/store"
)

var ErrForbidden = errors.New("forbidden")

// Caller is the authenticated principal the transport puts into the context.
type Caller struct {
	Subject  string
	TenantID string
	Roles    []string
}

type callerKey struct{}

func WithCaller(ctx context.Context, c *Caller) context.Context {
	return context.WithValue(ctx, callerKey{}, c)
}

func CallerFrom(ctx context.Context) (*Caller, bool) {
	c, ok := ctx.Value(callerKey{}).(*Caller)
	return c, ok
}

type Customers struct{ Store *store.Store }

// Merge moves every order of drop to keep and deletes drop. Support staff only.
func (c *Customers) Merge(ctx context.Context, keep, drop string) error {
	caller, ok := CallerFrom(ctx)
	if !ok || !slices.Contains(caller.Roles, "support") {
		return ErrForbidden
	}
	return c.Store.MergeCustomers(ctx, keep, drop)
}
