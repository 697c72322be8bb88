// Package redirectcheck returns its verdict on a redirect URI as a
// field of a struct, known to importers through facts.
package redirectcheck

import "strings"

// Result is a verdict and what the check learnt on the way.
type Result struct {
	Allowed bool
	Client  string
}

// Registry holds the redirect URIs registered per client.
type Registry struct{ URIs map[string][]string }

// Check reports whether uri is registered for the client.
func (r *Registry) Check(client, uri string) (Result, error) {
	for _, u := range r.URIs[client] {
		if u == uri {
			return Result{Allowed: true, Client: client}, nil
		}
	}
	return Result{Client: client}, nil
}

// Describe looks at the client only; the URI is copied into the
// result, not checked.
func (r *Registry) Describe(client, uri string) *Result {
	return &Result{Allowed: len(r.URIs[client]) > 0, Client: strings.TrimSpace(client + " " + uri)}
}
