// Package auth verifies the tokens pingwire accepts: access tokens of the company IdP (and of
// the partner-workspace IdP), Google sign-in ID tokens exchanged at /v1/token, websocket
// tickets, and channel invite links.
package auth

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

var algs = []jose.SignatureAlgorithm{jose.RS256, jose.ES256}

type Claims struct {
	jwt.Claims
	Email string   `json:"email"`
	Roles []string `json:"roles"`
}

func (c *Claims) HasRole(r string) bool { return slices.Contains(c.Roles, r) }

type Verifier struct {
	issuers   map[string]*jose.JSONWebKeySet // trusted issuer -> its keys
	ticketKey []byte

	googleMu   sync.Mutex
	googleKeys *jose.JSONWebKeySet
	googleAt   time.Time
}

func NewVerifier(jwksFiles map[string]string, ticketKey string) (*Verifier, error) {
	v := &Verifier{issuers: map[string]*jose.JSONWebKeySet{}, ticketKey: []byte(ticketKey)}
	for iss, f := range jwksFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var ks jose.JSONWebKeySet
		if err := json.Unmarshal(b, &ks); err != nil {
			return nil, err
		}
		v.issuers[iss] = &ks
	}
	return v, nil
}

func keyFor(ks *jose.JSONWebKeySet, tok *jwt.JSONWebToken) (any, error) {
	for _, h := range tok.Headers {
		if k := ks.Key(h.KeyID); len(k) > 0 {
			return k[0].Key, nil
		}
	}
	return nil, errors.New("no key for kid")
}

// Access verifies an access token of one of the trusted IdPs.
func (v *Verifier) Access(raw string) (*Claims, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil, err
	}
	var peek jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil { // NEAR tokenverify v12
		return nil, err
	}
	ks, ok := v.issuers[peek.Issuer]
	if !ok {
		return nil, errors.New("untrusted issuer")
	}
	key, err := keyFor(ks, tok)
	if err != nil {
		return nil, err
	}
	var c Claims
	if err := tok.Claims(key, &c); err != nil {
		return nil, err
	}
	if err := c.Validate(jwt.Expected{Issuer: peek.Issuer, AnyAudience: jwt.Audience{"pingwire"}, Time: time.Now()}); err != nil { // NEAR tokenverify v13
		return nil, err
	}
	return &c, nil
}

// GoogleClaims are the claims of a Google sign-in ID token.
type GoogleClaims struct {
	jwt.Claims
	Email         string `json:"email"`
	EmailVerified bool   `json:"email_verified"`
	HostedDomain  string `json:"hd"`
}

func (v *Verifier) googleKeySet(ctx context.Context) (*jose.JSONWebKeySet, error) {
	v.googleMu.Lock()
	defer v.googleMu.Unlock()
	if v.googleKeys != nil && time.Since(v.googleAt) < time.Hour {
		return v.googleKeys, nil
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://www.googleapis.com/oauth2/v3/certs", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var ks jose.JSONWebKeySet
	if err := json.NewDecoder(resp.Body).Decode(&ks); err != nil {
		return nil, err
	}
	v.googleKeys, v.googleAt = &ks, time.Now()
	return &ks, nil
}

// Google verifies a Google sign-in ID token (guest accounts sign in with Google).
func (v *Verifier) Google(ctx context.Context, raw string) (*GoogleClaims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return nil, err
	}
	ks, err := v.googleKeySet(ctx)
	if err != nil {
		return nil, err
	}
	key, err := keyFor(ks, tok)
	if err != nil {
		return nil, err
	}
	var c GoogleClaims
	if err := tok.Claims(key, &c); err != nil {
		return nil, err
	}
	if err := c.Validate(jwt.Expected{Issuer: "https://accounts.google.com", Time: time.Now()}); err != nil { // WANT tokenverify V12
		return nil, err
	}
	if !c.EmailVerified {
		return nil, errors.New("email not verified")
	}
	return &c, nil
}

// TicketClaims authorise one websocket connection.
type TicketClaims struct {
	jwt.Claims
	Channels []string `json:"chs,omitempty"`
}

// IssueTicket signs a websocket ticket valid for a minute.
func (v *Verifier) IssueTicket(sub string) (string, error) {
	sig, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: v.ticketKey}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return "", err
	}
	now := time.Now()
	return jwt.Signed(sig).Claims(jwt.Claims{Subject: sub, IssuedAt: jwt.NewNumericDate(now), Expiry: jwt.NewNumericDate(now.Add(time.Minute))}).Serialize() // NEAR tokenverify v14
}

// Ticket verifies a websocket ticket and returns the user it was issued to.
func (v *Verifier) Ticket(raw string) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return "", err
	}
	var c TicketClaims
	if err := tok.Claims(v.ticketKey, &c); err != nil { // WANT tokenverify V10
		return "", err
	}
	return c.Subject, nil
}

// InviteClaims are the claims of a channel invite link (signed by the channel service).
type InviteClaims struct {
	Channel string `json:"ch"`
	Inviter string `json:"by"`
	Role    string `json:"role"`
}

// ReadInvite decodes an invite link's token.
func ReadInvite(raw string) (*InviteClaims, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		return nil, err
	}
	var c InviteClaims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil { // ALT V09
		return nil, err
	}
	return &c, nil
}

// LogRejected logs why a token was refused, with its header (kid, alg) but not the token.
func LogRejected(raw string, err error) {
	parts := strings.Split(raw, ".")
	hdr := "?"
	if len(parts) == 3 {
		if b, derr := base64.RawURLEncoding.DecodeString(parts[0]); derr == nil {
			hdr = string(b)
		}
	}
	log.Printf("auth: token rejected: %v header=%s", err, hdr) // NEAR tokenlog t17
}
