// Package auth issues device tokens and authenticates devices and operators.
package auth

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

const deviceIssuer = "https://devicehub.io/devices"

// Principal is who is calling: a device, or an operator of one or more fleets.
type Principal struct {
	Kind     string // "device" | "operator"
	DeviceID string
	FleetIDs []string
	Roles    []string
}

func (p *Principal) InFleet(f string) bool   { return slices.Contains(p.FleetIDs, f) }
func (p *Principal) HasRole(r string) bool   { return slices.Contains(p.Roles, r) }
func (p *Principal) IsDevice(id string) bool { return p.Kind == "device" && p.DeviceID == id }

type deviceClaims struct {
	jwt.Claims
	Fleet string `json:"fleet"`
	Epoch int    `json:"epoch"`
}

type operatorClaims struct {
	jwt.Claims
	Fleets []string `json:"fleets"`
	Roles  []string `json:"roles"`
}

type Authenticator struct {
	deviceKey      ed25519.PrivateKey
	operatorIssuer string
	operatorKeys   jose.JSONWebKeySet
	signer         jose.Signer
}

func New(deviceKeyFile, operatorIssuer, jwksFile string) (*Authenticator, error) {
	seed, err := os.ReadFile(deviceKeyFile)
	if err != nil || len(seed) < ed25519.SeedSize {
		return nil, fmt.Errorf("device signing key: %v", err)
	}
	a := &Authenticator{deviceKey: ed25519.NewKeyFromSeed(seed[:ed25519.SeedSize]), operatorIssuer: operatorIssuer}
	b, err := os.ReadFile(jwksFile)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &a.operatorKeys); err != nil {
		return nil, fmt.Errorf("operator jwks: %w", err)
	}
	a.signer, err = jose.NewSigner(jose.SigningKey{Algorithm: jose.EdDSA, Key: a.deviceKey}, (&jose.SignerOptions{}).WithType("JWT"))
	return a, err
}

// IssueDeviceToken mints the long-lived token a device uses after provisioning (a year; devices
// renew it on every firmware update).
func (a *Authenticator) IssueDeviceToken(deviceID, fleetID string, epoch int) (string, error) {
	now := time.Now()
	c := deviceClaims{Claims: jwt.Claims{Issuer: deviceIssuer, Subject: deviceID, Audience: jwt.Audience{"devicehub"},
		IssuedAt: jwt.NewNumericDate(now), Expiry: jwt.NewNumericDate(now.AddDate(1, 0, 0))}, Fleet: fleetID, Epoch: epoch}
	return jwt.Signed(a.signer).Claims(c).Serialize()
}

// Verify authenticates a device or operator token. Devices carry our own EdDSA tokens, operators
// RS256 tokens of the company IdP; the issuer says which.
func (a *Authenticator) Verify(raw string) (*Principal, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.EdDSA, jose.RS256})
	if err != nil {
		return nil, err
	}
	var peek jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil { // NEAR tokenverify v15
		return nil, err
	}
	switch peek.Issuer {
	case deviceIssuer:
		var c deviceClaims
		if err := tok.Claims(a.deviceKey.Public(), &c); err != nil {
			return nil, err
		}
		if err := c.ValidateWithLeeway(jwt.Expected{Issuer: deviceIssuer, AnyAudience: jwt.Audience{"devicehub"}, Time: time.Now()}, time.Minute); err != nil { // NEAR tokenverify v16
			return nil, err
		}
		return &Principal{Kind: "device", DeviceID: c.Subject, FleetIDs: []string{c.Fleet}}, nil
	case a.operatorIssuer:
		var c operatorClaims
		if err := tok.Claims(a.operatorKeys, &c); err != nil { // WANT tokenverify V12
			return nil, err
		}
		return &Principal{Kind: "operator", FleetIDs: c.Fleets, Roles: c.Roles}, nil
	}
	return nil, fmt.Errorf("unknown issuer %q", peek.Issuer)
}

type principalKey struct{}

func FromContext(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

func (a *Authenticator) fromMetadata(ctx context.Context) (context.Context, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	raw, ok := strings.CutPrefix(strings.Join(md.Get("authorization"), ""), "Bearer ")
	if !ok {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	p, err := a.Verify(raw)
	if err != nil {
		log.Printf("grpc auth failed: %v (metadata %v)", err, md) // WANT tokenlog T14
		return nil, status.Error(codes.Unauthenticated, "invalid token")
	}
	return WithPrincipal(ctx, p), nil
}

func (a *Authenticator) Unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	ctx, err := a.fromMetadata(ctx)
	if err != nil {
		return nil, err
	}
	return h(ctx, req)
}

type wrappedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (w wrappedStream) Context() context.Context { return w.ctx }

func (a *Authenticator) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	ctx, err := a.fromMetadata(ss.Context())
	if err != nil {
		return err
	}
	return h(srv, wrappedStream{ss, ctx})
}

// ErrNoPrincipal is returned by handlers reached without the interceptors (a wiring bug).
var ErrNoPrincipal = errors.New("no principal in context")
