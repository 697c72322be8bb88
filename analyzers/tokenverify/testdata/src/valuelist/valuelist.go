// Package valuelist compares an element of a credential's list of values
// (gRPC metadata, a header's values) with a configured secret.
package valuelist

import (
	"context"
	"errors"
	"net/http"

	"google.golang.org/grpc/metadata"
)

var commandSecret string

var errUnauthenticated = errors.New("invalid authentication secret")

// check is sing-box's command server interceptor.
func check(ctx context.Context) error {
	md, _ := metadata.FromIncomingContext(ctx)
	values := md.Get("x-command-secret")
	if len(values) == 0 {
		return errUnauthenticated
	}
	if values[0] != commandSecret { // want `secret from the X-Command-Secret header \(gRPC metadata\) compared with !=`
		return errUnauthenticated
	}
	return nil
}

// header compares the first value of a key header.
func header(w http.ResponseWriter, r *http.Request, apiKey string) bool {
	keys := r.Header.Values("X-Api-Key")
	if len(keys) == 0 || keys[0] != apiKey { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
		return false
	}
	return true
}

// Near miss: the first value of a header that is no credential.
func requestID(ctx context.Context, want string) bool {
	md, _ := metadata.FromIncomingContext(ctx)
	ids := md.Get("x-request-id")
	return len(ids) > 0 && ids[0] == want
}
