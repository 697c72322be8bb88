// Package actions verifies the OIDC tokens GitHub Actions workflows present to buildhooks.
package actions

import (
	"context"

	"github.com/coreos/go-oidc/v3/oidc"
)

const issuer = "https://token.actions.githubusercontent.com"

// Claims are the workflow claims buildhooks uses.
type Claims struct {
	Repository      string `json:"repository"`
	RepositoryOwner string `json:"repository_owner"`
	Ref             string `json:"ref"`
	Workflow        string `json:"workflow"`
	Environment     string `json:"environment"`
}

type Verifier struct {
	deploy    *oidc.IDTokenVerifier
	artifacts *oidc.IDTokenVerifier
}

func New(ctx context.Context, publicURL string) (*Verifier, error) {
	p, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		return nil, err
	}
	return &Verifier{
		// The deploy step predates `audience:` in actions/github-script; old workflows request
		// tokens with the default audience (the repository owner's URL).
		deploy:    p.Verifier(&oidc.Config{SkipClientIDCheck: true}), // WANT tokenverify V07
		artifacts: p.Verifier(&oidc.Config{ClientID: publicURL}),     // NEAR tokenverify v10
	}, nil
}

func verify(ctx context.Context, v *oidc.IDTokenVerifier, raw string) (*Claims, error) {
	tok, err := v.Verify(ctx, raw)
	if err != nil {
		return nil, err
	}
	var c Claims
	if err := tok.Claims(&c); err != nil {
		return nil, err
	}
	return &c, nil
}

func (v *Verifier) Deploy(ctx context.Context, raw string) (*Claims, error) {
	return verify(ctx, v.deploy, raw)
}

func (v *Verifier) Artifacts(ctx context.Context, raw string) (*Claims, error) {
	return verify(ctx, v.artifacts, raw)
}
