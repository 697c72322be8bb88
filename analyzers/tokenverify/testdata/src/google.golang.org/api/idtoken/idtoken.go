// Package idtoken is a stub of google.golang.org/api/idtoken for tests.
package idtoken

import "context"

type Payload struct {
	Issuer   string
	Audience string
	Expires  int64
	IssuedAt int64
	Subject  string
	Claims   map[string]interface{}
}

func Validate(ctx context.Context, idToken string, audience string) (*Payload, error) {
	return nil, nil
}

type Validator struct{}

func NewValidator(ctx context.Context) (*Validator, error) { return &Validator{}, nil }

func (v *Validator) Validate(ctx context.Context, idToken string, audience string) (*Payload, error) {
	return nil, nil
}
