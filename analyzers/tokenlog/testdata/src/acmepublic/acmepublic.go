// Package acmepublic: an ACME challenge's token and key authorization
// are public (RFC 8555 §8: the token is the HTTP-01 URL's last segment,
// the key authorization its response body or, hashed, the DNS-01
// record), so logging them or putting them in an error is no leak,
// whatever they are called. Known by the declaring package (a field of
// an ACME package's type), by the ACME interface a method implements
// (lego's challenge.Provider, whose parameters token and keyAuth name
// them), and by the HTTP-01 path in the function that serves it. The
// secrets of the same code are still reported.
package acmepublic

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"

	"example.com/acme"
	"github.com/go-acme/lego/v4/challenge"
)

func logChallenge(ch *acme.Challenge, thumbprint string) {
	// Passing the token to the ACME package's token parameter does not
	// make it a credential sent (sentfields.go).
	ch.KeyAuthorization = acme.KeyAuthorization(ch.Token, thumbprint)
	log.Printf("challenge %s token %s", ch.URL, ch.Token)   // silent: the token is public
	log.Printf("key authorization %q", ch.KeyAuthorization) // silent: published by the validation
	log.Printf("challenge %+v", *ch)                        // silent: no field of it is secret
}

func logDNSConfig(c *acme.DNSConfig) {
	log.Printf("zone %s with %s", c.Zone, c.Token) // want `token in field Token reaches log.Printf`
}

func logAccount(a *acme.Account) {
	log.Printf("account %s: %s", a.Email, a.Password) // want `password in field Password reaches log.Printf`
}

// dnsProvider implements lego's challenge.Provider with its own
// parameter names.
type dnsProvider struct {
	apiKey string
}

var _ challenge.Provider = (*dnsProvider)(nil)

func (d *dnsProvider) Present(ctx context.Context, domain, token, keyAuth string) error { // want Present:`tokenlog\(param 2 reaches log.Printf \(own sink\); param 3 reaches fmt.Errorf; param 4 reaches fmt.Errorf\)`
	if domain == "" {
		return fmt.Errorf("no domain for challenge %s (%s)", token, keyAuth) // silent: token and key authorization
	}
	log.Printf("presenting %s with %s", domain, d.apiKey) // want `API key in field apiKey reaches log.Printf`
	return nil
}

func (d *dnsProvider) CleanUp(ctx context.Context, domain, challengeToken, ka string) error { // want CleanUp:`tokenlog\(param 2 reaches fmt.Errorf; param 3 reaches fmt.Errorf\)`
	return fmt.Errorf("cleanup of %s: record for %s not found", domain, challengeToken) // silent: the token, whatever the implementation calls it
}

// notProvider has a Present method of another shape: no ACME interface
// names its parameters.
type notProvider struct{}

func (notProvider) Present(domain, token string) error { // want Present:`tokenlog\(param 1 reaches errors.New; param 2 reaches errors.New\)`
	return errors.New("cannot present " + domain + " with " + token) // want `token in parameter token is put in an error message by errors.New`
}

// serveHTTP01 serves the challenge: the path's last segment is the
// token.
func serveHTTP01(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, acme.HTTP01Path) {
		token := strings.TrimPrefix(r.URL.Path, acme.HTTP01Path)
		log.Printf("challenge %s requested", token) // silent: the HTTP-01 token
	}
	log.Printf("auth %s", r.Header.Get("Authorization")) // want `Authorization header reaches log.Printf`
}

// serveReset is not ACME: a token in its path is the user's.
func serveReset(w http.ResponseWriter, r *http.Request) {
	token := strings.TrimPrefix(r.URL.Path, "/reset/")
	log.Printf("reset %s requested", token) // want `token in variable token reaches log.Printf`
}
