// Package credentials is a minimal stand-in for google.golang.org/grpc/credentials.
package credentials

import (
	"context"
	"crypto/tls"
)

type TransportCredentials interface{ Info() string }

type PerRPCCredentials interface {
	GetRequestMetadata(ctx context.Context, uri ...string) (map[string]string, error)
	RequireTransportSecurity() bool
}

type tlsCreds struct{ c *tls.Config }

func (tlsCreds) Info() string { return "tls" }

func NewTLS(c *tls.Config) TransportCredentials { return tlsCreds{c} }
