// Package policy decides what a principal may do.
package policy

import "context"

// Principal is the authenticated caller.
type Principal struct {
	ID          string
	Permissions map[string]bool
}

type key struct{}

// With stores the principal.
func With(ctx context.Context, p *Principal) context.Context { return context.WithValue(ctx, key{}, p) }

// From returns the principal.
func From(ctx context.Context) *Principal {
	p, _ := ctx.Value(key{}).(*Principal)
	return p
}

// Enforcer answers "may sub do act on obj".
type Enforcer struct {
	Rules map[string][]string // permission -> allowed principals
}

// Enforce reports whether the principal may perform act on obj.
func (e *Enforcer) Enforce(sub, obj, act string) bool {
	for _, p := range e.Rules[obj+":"+act] {
		if p == sub {
			return true
		}
	}
	return false
}
