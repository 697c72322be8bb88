// Package codes is a stub of google.golang.org/grpc/codes.
package codes

type Code uint32

const (
	OK               Code = 0
	NotFound         Code = 5
	PermissionDenied Code = 7
	Unauthenticated  Code = 16
)
