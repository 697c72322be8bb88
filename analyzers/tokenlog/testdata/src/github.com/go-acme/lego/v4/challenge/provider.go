// Package challenge is a stand-in for lego's challenge package: the
// interface its DNS and HTTP providers implement.
package challenge

import "context"

// Provider is what lego's challenge solvers call.
type Provider interface {
	Present(ctx context.Context, domain, token, keyAuth string) error
	CleanUp(ctx context.Context, domain, token, keyAuth string) error
}
