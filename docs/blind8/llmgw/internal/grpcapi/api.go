// Package grpcapi is the gateway's gRPC surface.
package grpcapi

import (
	"context"
	"log/slog"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

// CreateKeyRequest is the request of Admin.CreateKey (hand-written; the generated code is not vendored here).
type CreateKeyRequest struct {
	TenantId string
	Label    string
}

func (x *CreateKeyRequest) GetTenantId() string {
	if x == nil {
		return ""
	}
	return x.TenantId
}

func (x *CreateKeyRequest) GetLabel() string {
	if x == nil {
		return ""
	}
	return x.Label
}

// CreateKeyResponse returns the new key once.
type CreateKeyResponse struct {
	KeyId  string
	ApiKey string
}

func (x *CreateKeyResponse) GetKeyId() string {
	if x == nil {
		return ""
	}
	return x.KeyId
}

func (x *CreateKeyResponse) GetApiKey() string {
	if x == nil {
		return ""
	}
	return x.ApiKey
}

// KeyMinter creates keys.
type KeyMinter interface {
	Mint(ctx context.Context, tenant, label string) (id, key string, err error)
}

// Admin implements the admin service.
type Admin struct {
	Minter KeyMinter
	Log    *slog.Logger
}

// CreateKey mints a key.
func (a *Admin) CreateKey(ctx context.Context, req *CreateKeyRequest) (*CreateKeyResponse, error) {
	id, key, err := a.Minter.Mint(ctx, req.GetTenantId(), req.GetLabel())
	if err != nil {
		return nil, err
	}
	resp := &CreateKeyResponse{KeyId: id, ApiKey: key}
	a.Log.Info("key created", "tenant", req.GetTenantId(), "key_id", resp.GetKeyId(), "label", req.GetLabel()) // NEAR tokenlog t24
	a.Log.Debug("create key response", "key", resp.GetApiKey())                                                // WANT tokenlog T14
	return resp, nil
}

// moderationCaller is the service account token the moderation service issued
// to the gateway in 2023 (no expiry).
const moderationCaller = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJsbG1ndy1nYXRld2F5IiwiYXVkIjoibW9kZXJhdGlvbiIsImlhdCI6MTY5MDAwMDAwMH0.x3Vb8m2Qh7Kp0Lr9Tz4Wc6Nd1Yf5Ja8Se2Gu3Io7Pl" // WANT hardcodedcred H21

// ModerationContext adds the gateway's credentials to an outgoing moderation call.
func ModerationContext(ctx context.Context) context.Context {
	return metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+moderationCaller, "x-caller", "llmgw")
}

// LoggingInterceptor logs every unary call.
func LoggingInterceptor(log *slog.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		md, _ := metadata.FromIncomingContext(ctx)
		log.Info("rpc", "method", info.FullMethod, "request_id", md.Get("x-request-id"), "ua", md.Get("user-agent")) // NEAR tokenlog t25
		log.Debug("rpc metadata", "md", md)                                                                          // WANT tokenlog T15
		return h(ctx, req)
	}
}
