// Package grpcdial: per-RPC credentials over a gRPC dial without
// transport security travel in clear text.
package grpcdial

import (
	"context"
	"crypto/tls"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

type tokenAuth struct{ token string }

func (t tokenAuth) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + t.token}, nil
}

func (tokenAuth) RequireTransportSecurity() bool { return false }

// strictAuth refuses insecure connections: gRPC fails the dial.
type strictAuth struct{ token string }

func (s strictAuth) GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + s.token}, nil
}

func (strictAuth) RequireTransportSecurity() bool { return true }

func inventory(ctx context.Context) {
	grpc.DialContext(ctx, "inventory.prod.example.net:443",
		grpc.WithTransportCredentials(insecure.NewCredentials()), // want `gRPC dial to inventory.prod.example.net:443 turns transport security off and attaches per-RPC credentials`
		grpc.WithPerRPCCredentials(tokenAuth{token: os.Getenv("INVENTORY_TOKEN")}),
	)
}

func search() {
	grpc.Dial("dns:///search.example.net:9090",
		grpc.WithInsecure(), // want `gRPC dial to dns:///search.example.net:9090 turns transport security off`
		grpc.WithPerRPCCredentials(tokenAuth{token: "t"}),
	)
}

func fromConfig(addr string) {
	grpc.NewClient(addr, grpc.WithPerRPCCredentials(tokenAuth{}), grpc.WithInsecure()) // want `gRPC dial to a run-time target turns transport security off`
}

// Near miss: loopback agent with per-RPC credentials.
func agent() {
	grpc.Dial("127.0.0.1:7070", grpc.WithInsecure(), grpc.WithPerRPCCredentials(tokenAuth{}))
}

// Near miss: a unix socket.
func socket() {
	grpc.Dial("unix:///run/agent.sock", grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithPerRPCCredentials(tokenAuth{}))
}

// Near miss: insecure, but nothing secret attached.
func metrics(addr string) {
	grpc.Dial(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// Near miss: TLS with per-RPC credentials.
func pricing(ctx context.Context) {
	grpc.DialContext(ctx, "pricing.example.net:443",
		grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})),
		grpc.WithPerRPCCredentials(tokenAuth{token: os.Getenv("PRICING_TOKEN")}),
	)
}

// Near miss: credentials that require transport security; the dial fails.
func strict() {
	grpc.Dial("billing.example.net:443", grpc.WithInsecure(), grpc.WithPerRPCCredentials(strictAuth{}))
}

// Near miss: an in-cluster service name (reported only with -internal).
func inCluster() {
	grpc.Dial("ledger.payments.svc.cluster.local:50051", grpc.WithInsecure(), grpc.WithPerRPCCredentials(tokenAuth{}))
}
