// Package grpc is a minimal stand-in for google.golang.org/grpc (types and signatures only).
package grpc

import (
	"context"

	"google.golang.org/grpc/credentials"
)

type ClientConn struct{ target string }

func (c *ClientConn) Close() error { return nil }

type DialOption interface{ apply() }

type opt struct{}

func (opt) apply() {}

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{target}, nil }
func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{target}, nil
}
func NewClient(target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{target}, nil
}

// Deprecated: use WithTransportCredentials(insecure.NewCredentials()).
func WithInsecure() DialOption                                               { return opt{} }
func WithTransportCredentials(c credentials.TransportCredentials) DialOption { return opt{} }
func WithPerRPCCredentials(c credentials.PerRPCCredentials) DialOption       { return opt{} }
func WithBlock() DialOption                                                  { return opt{} }
func WithAuthority(a string) DialOption                                      { return opt{} }
