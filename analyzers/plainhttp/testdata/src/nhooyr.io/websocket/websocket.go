// Package websocket is a stub of nhooyr.io/websocket for tests.
package websocket

import (
	"context"
	"net/http"
)

type Conn struct{}

type DialOptions struct{}

func Dial(ctx context.Context, u string, opts *DialOptions) (*Conn, *http.Response, error) {
	return nil, nil, nil
}
