// Package jwk is a stub of lestrrat-go/jwx v2 jwk.
package jwk

import "context"

type Set interface{ Len() int }

type FetchOption interface{ fetchOption() }

func Fetch(ctx context.Context, u string, options ...FetchOption) (Set, error) { return nil, nil }

type Key interface{ Raw(v any) error }

// Cache keeps key sets fetched from URLs.
type Cache struct{}

func NewCache(ctx context.Context) *Cache                       { return &Cache{} }
func (c *Cache) Register(u string, options ...any) error        { return nil }
func (c *Cache) Get(ctx context.Context, u string) (Set, error) { return nil, nil }
