package server

import (
	"context"
	"strings"
	"time"

	"go.uber.org/zap"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"example.com/blind9/roomsvc/internal/accounts"
)

type acctKey struct{}

func accountFrom(ctx context.Context) *accounts.Account {
	a, _ := ctx.Value(acctKey{}).(*accounts.Account)
	return a
}

func requirePermission(ctx context.Context, perm string) error {
	if a := accountFrom(ctx); a == nil || !a.Can(perm) {
		return status.Errorf(codes.PermissionDenied, "missing permission %s", perm)
	}
	return nil
}

type Auth struct {
	accounts *accounts.Store
	adminKey string
	log      *zap.SugaredLogger
}

func NewAuth(st *accounts.Store, adminKey string, log *zap.SugaredLogger) *Auth {
	return &Auth{accounts: st, adminKey: adminKey, log: log}
}

func (a *Auth) authenticate(ctx context.Context, method string) (context.Context, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	if method == "/rooms.v1.Rooms/PurgeAccount" {
		if k := md.Get("x-admin-key"); len(k) == 0 || k[0] != a.adminKey { // WANT tokenverify V15
			return nil, status.Error(codes.PermissionDenied, "admin key required")
		}
		return ctx, nil
	}
	vals := md.Get("authorization")
	if len(vals) == 0 {
		a.log.Infow("missing api key", "method", method, "request_id", md.Get("x-request-id"), "user_agent", md.Get("user-agent")) // NEAR tokenlog t28
		return nil, status.Error(codes.Unauthenticated, "missing api key")
	}
	key := strings.TrimPrefix(vals[0], "Bearer ")
	acct, err := a.accounts.ByKey(key)
	if err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "unknown api key %q", key) // WANT tokenlog T28
	}
	a.log.Debugw("authenticated", "account", acct.ID, "key_prefix", acct.KeyPrefix) // NEAR tokenlog t29
	return context.WithValue(ctx, acctKey{}, acct), nil
}

func (a *Auth) Unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	ctx, err := a.authenticate(ctx, info.FullMethod)
	if err != nil {
		return nil, err
	}
	return handler(ctx, req)
}

type wrappedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (w wrappedStream) Context() context.Context { return w.ctx }

func (a *Auth) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	ctx, err := a.authenticate(ss.Context(), info.FullMethod)
	if err != nil {
		return err
	}
	return handler(srv, wrappedStream{ss, ctx})
}

// Logging records every call; it runs before Auth so that rejected calls are logged too.
func Logging(log *zap.SugaredLogger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		start := time.Now()
		md, _ := metadata.FromIncomingContext(ctx)
		if log.Desugar().Core().Enabled(zap.DebugLevel) {
			log.Debugw("rpc start", "method", info.FullMethod, "metadata", md) // WANT tokenlog T29
		}
		resp, err := handler(ctx, req)
		log.Infow("rpc", "method", info.FullMethod, "request_id", md.Get("x-request-id"), "took", time.Since(start), "code", status.Code(err), "err", err) // ALT T28
		return resp, err
	}
}
