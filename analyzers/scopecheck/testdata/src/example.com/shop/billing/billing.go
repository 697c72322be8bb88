package billing // want package:"analyzed"

// Package billing is a service behind an interface: the handlers call
// the interface, and its one implementation checks the caller's rights
// for some methods and not for others.

import (
	"context"
	"errors"

	"example.com/shop/auth"
)

// Service is what the handlers see of billing.
type Service interface {
	Void(ctx context.Context, invoice string) error // want Void:"authorizes"
	Export(ctx context.Context) ([]string, error)
}

type service struct{ invoices map[string]string }

// New returns the billing service.
func New() Service { return &service{} }

// Void checks the caller's scopes before voiding the invoice.
func (s *service) Void(ctx context.Context, invoice string) error { // want Void:"authorizes\\(c.Scopes\\)" Void:"work" Void:"asks the caller"
	c := auth.FromContext(ctx)
	for _, sc := range c.Scopes {
		if sc == "billing:write" {
			delete(s.invoices, invoice)
			return nil
		}
	}
	return errors.New("forbidden")
}

// Export checks nothing.
func (s *service) Export(ctx context.Context) ([]string, error) { // want Export:"work"
	var out []string
	for _, v := range s.invoices {
		out = append(out, v)
	}
	return out, nil
}
