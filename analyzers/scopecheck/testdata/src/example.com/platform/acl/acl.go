// Package acl stands for an in-house authorization package whose name
// scopecheck cannot read as authorization.
package acl

import "net/http"

func Gate(r *http.Request) error { return nil }
