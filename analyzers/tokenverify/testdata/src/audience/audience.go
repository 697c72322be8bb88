// Package audience: tokens of an identity provider verified without
// checking that they were issued to this application.
package audience

import (
	"context"
	"crypto/rsa"
	"errors"
	"slices"
	"testing"
	"time"

	josev3 "github.com/go-jose/go-jose/v3/jwt"
	"github.com/go-jose/go-jose/v4/jwt"
	jwtv5 "github.com/golang-jwt/jwt/v5"
	"github.com/lestrrat-go/jwx/v2/jwk"
	jwx "github.com/lestrrat-go/jwx/v2/jwt"
	"google.golang.org/api/idtoken"
)

const (
	appleIssuer   = "https://appleid.apple.com"
	actionsIssuer = "https://token.actions.githubusercontent.com"
	partnerIssuer = "https://partners.example.auth0.com/"
	ownIssuer     = "https://api.example.com"
)

type app struct {
	clientID  string
	clientIDs []string
	appleKeys func(*jwtv5.Token) (any, error)
	realmKey  *rsa.PublicKey
	otherKey  *rsa.PublicKey
	googleKey *rsa.PublicKey
	set       jwk.Set
	ownSet    jwk.Set
	googleKS  *keySet
	ownKS     *keySet
}

// keySet is a JWKS cache; every instance shares its Keyfunc method.
type keySet struct{ url string }

func (k *keySet) Keyfunc(t *jwtv5.Token) (any, error) { return nil, nil }

func (a *app) keyfunc(t *jwtv5.Token) (any, error) { return a.realmKey, nil }

// Positives.

func (a *app) googleAny(ctx context.Context, raw string) (string, error) {
	p, err := idtoken.Validate(ctx, raw, "") // want `idtoken.Validate with an empty audience`
	if err != nil {
		return "", err
	}
	return p.Subject, nil
}

func (a *app) googleValidator(ctx context.Context, raw string) (string, error) {
	v, _ := idtoken.NewValidator(ctx)
	p, err := v.Validate(ctx, raw, "") // want `idtoken.Validate with an empty audience`
	if err != nil {
		return "", err
	}
	return p.Subject, nil
}

func (a *app) apple(raw string) (string, error) {
	var c jwtv5.RegisteredClaims
	_, err := jwtv5.ParseWithClaims(raw, &c, a.keyfunc, jwtv5.WithValidMethods([]string{"RS256"}), jwtv5.WithIssuer(appleIssuer)) // want `token of https://appleid.apple.com without checking its audience`
	return c.Subject, err
}

func (a *app) actions(raw []byte) (string, error) {
	tok, err := jwx.Parse(raw, jwx.WithKeySet(a.set), jwx.WithIssuer(actionsIssuer)) // want `token of https://token.actions.githubusercontent.com without checking its audience`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

func (a *app) google(tok *jwt.JSONWebToken) (string, error) {
	var c jwt.Claims
	if err := tok.Claims(a.googleKey, &c); err != nil {
		return "", err
	}
	if err := c.Validate(jwt.Expected{Issuer: "https://accounts.google.com", Time: time.Now()}); err != nil { // want `token of https://accounts.google.com without checking its audience`
		return "", err
	}
	return c.Subject, nil
}

// A parser built once in the function, with the issuer and no audience.
func (a *app) appleParser(raw string) (string, error) {
	p := jwtv5.NewParser(jwtv5.WithIssuer(appleIssuer))
	var c jwtv5.RegisteredClaims
	_, err := p.ParseWithClaims(raw, &c, a.keyfunc) // want `token of https://appleid.apple.com without checking its audience`
	return c.Subject, err
}

// Siblings: the same key with and without an audience.
func (a *app) realmUser(tok *josev3.JSONWebToken) (string, error) {
	var c josev3.Claims
	if err := tok.Claims(a.realmKey, &c); err != nil {
		return "", err
	}
	if err := c.Validate(josev3.Expected{Audience: josev3.Audience{a.clientID}, Time: time.Now()}); err != nil {
		return "", err
	}
	return c.Subject, nil
}

func (a *app) realmReports(tok *josev3.JSONWebToken) (string, error) {
	var c josev3.Claims
	if err := tok.Claims(a.realmKey, &c); err != nil {
		return "", err
	}
	if err := c.Validate(josev3.Expected{Time: time.Now()}); err != nil { // want `while realmUser \(line \d+\) checks the audience`
		return "", err
	}
	return c.Subject, nil
}

// Siblings: the same (private) issuer with and without an audience.
func (a *app) partner(raw []byte) (string, error) {
	tok, err := jwx.Parse(raw, jwx.WithKeySet(a.set), jwx.WithIssuer(partnerIssuer), jwx.WithAudience(a.clientID))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

func (a *app) partnerReports(raw []byte) (string, error) {
	tok, err := jwx.Parse(raw, jwx.WithKeySet(a.set), jwx.WithIssuer(partnerIssuer)) // want `while partner \(line \d+\) checks the audience`
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// Near misses.

// The app's client id as the audience.
func (a *app) googleOwn(ctx context.Context, raw string) (string, error) {
	p, err := idtoken.Validate(ctx, raw, a.clientID)
	if err != nil {
		return "", err
	}
	return p.Subject, nil
}

// An empty audience, then the payload's audience checked against the
// app's client ids.
func (a *app) googleList(ctx context.Context, raw string) (string, error) {
	p, err := idtoken.Validate(ctx, raw, "")
	if err != nil {
		return "", err
	}
	if !slices.Contains(a.clientIDs, p.Audience) {
		return "", errors.New("not for this app")
	}
	return p.Subject, nil
}

// Apple with the audience.
func (a *app) appleOwn(raw string) (string, error) {
	var c jwtv5.RegisteredClaims
	_, err := jwtv5.ParseWithClaims(raw, &c, a.keyfunc, jwtv5.WithIssuer(appleIssuer), jwtv5.WithAudience(a.clientID))
	return c.Subject, err
}

// Apple, the audience checked by a helper of the package.
func (a *app) appleHelper(raw string) (string, error) {
	var c jwtv5.RegisteredClaims
	if _, err := jwtv5.ParseWithClaims(raw, &c, a.keyfunc, jwtv5.WithIssuer(appleIssuer)); err != nil {
		return "", err
	}
	if err := a.checkAud(&c); err != nil {
		return "", err
	}
	return c.Subject, nil
}

func (a *app) checkAud(c *jwtv5.RegisteredClaims) error {
	if !slices.Contains(c.Audience, a.clientID) {
		return errors.New("wrong audience")
	}
	return nil
}

// The program's own issuer, and no verification of the package checks
// an audience of its tokens: first-party tokens.
func (a *app) own(raw []byte) (string, error) {
	tok, err := jwx.Parse(raw, jwx.WithKeySet(a.ownSet), jwx.WithIssuer(ownIssuer))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// Another key than the one checked with an audience elsewhere.
func (a *app) otherKeyed(tok *josev3.JSONWebToken) (string, error) {
	var c josev3.Claims
	if err := tok.Claims(a.otherKey, &c); err != nil {
		return "", err
	}
	if err := c.Validate(josev3.Expected{Time: time.Now()}); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// Two key sets of one type: the Google one is checked with an audience,
// the program's own is not, and is no sibling of it.
func (a *app) googleKeyed(raw string) (string, error) {
	var c jwtv5.RegisteredClaims
	_, err := jwtv5.ParseWithClaims(raw, &c, a.googleKS.Keyfunc, jwtv5.WithAudience(a.clientID))
	return c.Subject, err
}

func (a *app) ownKeyed(raw string) (string, error) {
	var c jwtv5.RegisteredClaims
	_, err := jwtv5.ParseWithClaims(raw, &c, a.ownKS.Keyfunc)
	return c.Subject, err
}

// A parser chosen at run time (with the audience when one is
// configured): not judged.
func (a *app) appleChosen(raw string) (string, error) {
	p := jwtv5.NewParser(jwtv5.WithIssuer(appleIssuer))
	if a.clientID != "" {
		p = jwtv5.NewParser(jwtv5.WithIssuer(appleIssuer), jwtv5.WithAudience(a.clientID))
	}
	var c jwtv5.RegisteredClaims
	_, err := p.ParseWithClaims(raw, &c, a.keyfunc)
	return c.Subject, err
}

// A parser built once with the audience.
func (a *app) appleParserAud(raw string) (string, error) {
	p := jwtv5.NewParser(jwtv5.WithIssuer(appleIssuer), jwtv5.WithAudience(a.clientID))
	var c jwtv5.RegisteredClaims
	_, err := p.ParseWithClaims(raw, &c, a.keyfunc)
	return c.Subject, err
}

// Options built elsewhere: not seen.
func (a *app) withOpts(raw []byte, opts []jwx.ParseOption) (string, error) {
	tok, err := jwx.Parse(raw, opts...)
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}

// Google with the audience (go-jose v4's AnyAudience).
func (a *app) googleAud(tok *jwt.JSONWebToken) (string, error) {
	var c jwt.Claims
	if err := tok.Claims(a.googleKey, &c); err != nil {
		return "", err
	}
	if err := c.Validate(jwt.Expected{Issuer: "https://accounts.google.com", AnyAudience: jwt.Audience{a.clientID}}); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// Test support.
func fakeGoogle(t *testing.T, raw string) *idtoken.Payload {
	p, err := idtoken.Validate(context.Background(), raw, "")
	if err != nil {
		t.Fatal(err)
	}
	return p
}
