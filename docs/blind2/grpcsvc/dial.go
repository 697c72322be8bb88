// Package grpcsvc dials the inventory and pricing gRPC backends.
package grpcsvc

import (
	"context"
	"crypto/tls"
	"fmt"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

// tokenAuth sends a static bearer token with every call.
type tokenAuth struct {
	token  string
	secure bool
}

func (t tokenAuth) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + t.token}, nil
}

func (t tokenAuth) RequireTransportSecurity() bool { return t.secure }

// DialInventory connects to the inventory service across regions with the service token.
func DialInventory(ctx context.Context) (*grpc.ClientConn, error) {
	tok := os.Getenv("INVENTORY_TOKEN")
	return grpc.DialContext(ctx, "inventory.prod.shopco.net:443",
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(tokenAuth{token: tok}),
	)
}

// DialPricing connects with TLS and the pricing token.
func DialPricing(ctx context.Context) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, "pricing.prod.shopco.net:443",
		grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})),
		grpc.WithPerRPCCredentials(tokenAuth{token: os.Getenv("PRICING_TOKEN"), secure: true}),
	)
}

// DialLocalAgent talks to the node agent over loopback; no credentials.
func DialLocalAgent() (*grpc.ClientConn, error) {
	return grpc.Dial("127.0.0.1:7070", grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// DialSearch is the legacy search cluster with a static key.
func DialSearch() (*grpc.ClientConn, error) {
	conn, err := grpc.Dial("search-legacy.shopco.net:9090",
		grpc.WithInsecure(),
		grpc.WithPerRPCCredentials(tokenAuth{token: "srch_k3Yq8Wm2Nv7Lb4Xz9Rc1Td6Pf0Hj5Ga"}),
	)
	if err != nil {
		return nil, fmt.Errorf("dial search: %w", err)
	}
	return conn, nil
}

// DialMetrics ships metrics to the collector; it has no auth.
func DialMetrics(addr string) (*grpc.ClientConn, error) {
	return grpc.Dial(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// DialAdmin uses TLS but skips verification for the self-signed admin endpoint.
func DialAdmin(ctx context.Context) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, "admin.shopco.net:8443",
		grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true})),
	)
}
