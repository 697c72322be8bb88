// Package jwk is a stub of lestrrat-go/jwx v1 jwk (v1.2.x).
package jwk

import "context"

type Set interface{ Len() int }

type FetchOption interface{ fetchOption() }

func Fetch(ctx context.Context, urlstring string, options ...FetchOption) (Set, error) {
	return nil, nil
}
