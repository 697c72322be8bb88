package rpc

import (
	"context"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Principal is the authenticated caller of an RPC.
type Principal struct {
	Subject  string
	TenantID string
	Scopes   []string
	Roles    []string
}

func (p *Principal) HasScope(s string) bool { return slices.Contains(p.Scopes, s) }

type principalKey struct{}

func principalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

type tokenClaims struct {
	jwt.RegisteredClaims
	Tenant string `json:"tenant"`
	Scope  string `json:"scope"`
	Roles  []string
}

type Authenticator struct {
	Key    []byte
	Issuer string
}

func (a *Authenticator) authenticate(ctx context.Context) (context.Context, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get("authorization")
	if len(vals) == 0 {
		return nil, status.Error(codes.Unauthenticated, "missing credentials")
	}
	raw, ok := strings.CutPrefix(vals[0], "Bearer ")
	if !ok {
		return nil, status.Error(codes.Unauthenticated, "bad authorization")
	}
	var c tokenClaims
	if _, err := jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return a.Key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer(a.Issuer)); err != nil {
		return nil, status.Error(codes.Unauthenticated, "invalid token")
	}
	p := &Principal{Subject: c.Subject, TenantID: c.Tenant, Scopes: strings.Fields(c.Scope), Roles: c.Roles}
	return context.WithValue(ctx, principalKey{}, p), nil
}

func (a *Authenticator) Unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	ctx, err := a.authenticate(ctx)
	if err != nil {
		return nil, err
	}
	return handler(ctx, req)
}

type wrappedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrappedStream) Context() context.Context { return w.ctx }

func (a *Authenticator) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	ctx, err := a.authenticate(ss.Context())
	if err != nil {
		return err
	}
	return handler(srv, &wrappedStream{ServerStream: ss, ctx: ctx})
}

func requireRole(ctx context.Context, role string) error {
	p := principalFrom(ctx)
	if p == nil || !slices.Contains(p.Roles, role) {
		return status.Error(codes.PermissionDenied, role+" role required")
	}
	return nil
}
