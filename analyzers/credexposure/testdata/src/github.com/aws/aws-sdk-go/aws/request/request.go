// Package request is a stub of aws-sdk-go v1's request package.
package request

import (
	"net/http"
	"time"
)

// Request is an API request.
type Request struct {
	Operation string
}

// Presign returns the request's signed URL.
func (r *Request) Presign(expire time.Duration) (string, error) { return "", nil }

// PresignRequest returns the signed URL and the headers to send with it.
func (r *Request) PresignRequest(expire time.Duration) (string, http.Header, error) {
	return "", nil, nil
}
