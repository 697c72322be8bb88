// Package authz decides what a console user may do in a tenant.
package authz

import (
	"errors"

	"example.com/blind10/scimgate/internal/tenants"
)

var ErrForbidden = errors.New("forbidden")

var grants = map[string][]string{
	"admin":  {"users.read", "users.write", "sso.write", "audit.export", "billing.read"},
	"member": {"users.read"},
}

// Authorize returns ErrForbidden unless u's role in tenant tid grants action.
func Authorize(u *tenants.ConsoleUser, action, tid string) error {
	for _, a := range grants[u.Tenants[tid]] {
		if a == action {
			return nil
		}
	}
	return ErrForbidden
}
