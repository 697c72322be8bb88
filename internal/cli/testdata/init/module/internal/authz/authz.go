// Package authz is an in-house authorization helper: init should suggest
// RequireScope and Policy.Allowed for scopecheck.authz-funcs, and not
// Describe.
package authz

import (
	"context"
	"net/http"
)

type Policy struct{}

func (p *Policy) Allowed(ctx context.Context, action string) bool { return false }

func RequireScope(r *http.Request, scope string) error { return nil }

func Describe(scope string) string { return scope }
