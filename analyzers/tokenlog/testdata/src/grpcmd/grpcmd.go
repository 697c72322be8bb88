// Package grpcmd: gRPC metadata is the gRPC form of request headers.
package grpcmd

import (
	"context"
	"log"
	"log/slog"
	"strings"

	"github.com/rs/zerolog"
	"google.golang.org/grpc/metadata"
)

func credentialEntry(ctx context.Context) {
	md, _ := metadata.FromIncomingContext(ctx)
	if auth := md.Get("authorization"); len(auth) > 0 {
		log.Printf("caller %s", auth[0]) // want `credentials from the Authorization header \(gRPC metadata\) reaches log.Printf`
	}
	slog.Info("key", "k", md["x-api-key"]) // want `reaches slog.Info`
	tok := strings.TrimPrefix(metadata.ValueFromIncomingContext(ctx, "authorization")[0], "Bearer ")
	log.Print(tok) // want `reaches log.Print`
}

// The incoming metadata whole: its String redacts (grpc-go v1.85), but
// encoding/json (zerolog's Interface) does not call String, and %#v
// prints the map.
func wholeIncoming(ctx context.Context, l zerolog.Logger) {
	md, ok := metadata.FromIncomingContext(ctx)
	if ok {
		l.Info().Interface("metadata", md).Msg("call")      // want `incoming gRPC metadata with the caller's authorization entry reaches zerolog.Event.Msg`
		log.Printf("metadata %#v", map[string][]string(md)) // want `incoming gRPC metadata with the caller's authorization entry reaches log.Printf`
		log.Printf("metadata %v", md)
	}
}

// Near misses: other entries, sizes, keys, outgoing metadata the program built.
func otherEntries(ctx context.Context) {
	md, _ := metadata.FromIncomingContext(ctx)
	log.Printf("request %v", md.Get("x-request-id"))
	slog.Info("ua", "ua", md["user-agent"])
	log.Printf("authorization entries: %d", len(md.Get("authorization")))
	for k := range md {
		log.Printf("metadata key %s", k)
	}
	log.Printf("trace %v", metadata.ValueFromIncomingContext(ctx, "traceparent"))
	out := metadata.Pairs("x-request-id", "r-1")
	log.Printf("outgoing %v", out)
	o, _ := metadata.FromOutgoingContext(ctx)
	log.Printf("outgoing %v", o.Get("x-request-id"))
}
