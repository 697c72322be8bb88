// Package metadata is a stub of google.golang.org/grpc/metadata.
package metadata

import "context"

type MD map[string][]string

func (md MD) Get(k string) []string { return md[k] }

func Pairs(kv ...string) MD { return MD{} }

func FromIncomingContext(ctx context.Context) (MD, bool) { return nil, false }

func FromOutgoingContext(ctx context.Context) (MD, bool) { return nil, false }

func ValueFromIncomingContext(ctx context.Context, key string) []string { return nil }

func AppendToOutgoingContext(ctx context.Context, kv ...string) context.Context { return ctx }

// String shows only the keys gRPC deems loggable (grpc-go v1.85).
func (md MD) String() string { return "map[<redacted>]" }
