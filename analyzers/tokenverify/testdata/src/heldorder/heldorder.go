// Package heldorder is the fixture of reach.go: an assignment that runs
// after a comparison, outside any loop around it, does not give the
// compared variable its value. Near misses compare a token the program
// loaded before it stores a fetched one in the same variable;
// positives are the same shapes where the later value does reach the
// comparison (a loop, a deferred literal, a goto) or where the value
// compared is the caller's anyway.
package heldorder

import (
	"context"
	"net/http"
	"sync/atomic"
)

type Token struct {
	Bearer string
}

type Fetcher func(ctx context.Context) (*Token, error)

type Cache struct {
	fetcher Fetcher
	token   atomic.Pointer[Token]
}

// --- near misses ---

// pomerium's token cache: current is what the caller last read from the
// cache; token is loaded from the cache, compared, and only afterwards
// replaced by a fetched one.
func (c *Cache) ForceRefresh(ctx context.Context) (string, error) {
	var current string
	if t := c.token.Load(); t != nil {
		current = t.Bearer
	}
	return c.refresh(ctx, current)
}

func (c *Cache) refresh(ctx context.Context, current string) (string, error) {
	token := c.token.Load()
	if token != nil && token.Bearer != current {
		return token.Bearer, nil
	}
	token, err := c.fetcher(ctx)
	if err != nil {
		return "", err
	}
	c.token.Store(token)
	return token.Bearer, nil
}

// A retry loop after the check: the loop does not enclose the
// comparison, so its assignments never reach it.
func (c *Cache) Renew(ctx context.Context) (string, error) {
	return c.renew(ctx, c.last())
}

func (c *Cache) renew(ctx context.Context, seen string) (string, error) {
	token := c.token.Load()
	if token.Bearer != seen {
		return token.Bearer, nil
	}
	var err error
	for i := 0; i < 3; i++ {
		if token, err = c.fetcher(ctx); err == nil {
			break
		}
	}
	if err != nil {
		return "", err
	}
	return token.Bearer, nil
}

func (c *Cache) last() string { return c.token.Load().Bearer }

// --- positives ---

// Inside a loop the later assignment (a request's token) reaches the
// next comparison.
func (c *Cache) Loop(w http.ResponseWriter, r *http.Request) {
	apiToken := c.last()
	for _, h := range r.Header.Values("X-Api-Token") {
		if apiToken != c.last() { // want `compared with !=`
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		apiToken = h
	}
}

// A goto may jump back over the assignment.
func (c *Cache) Retry(w http.ResponseWriter, r *http.Request) {
	apiToken := c.last()
	tries := 0
again:
	if apiToken != c.last() { // want `compared with !=`
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	apiToken = r.Header.Get("X-Api-Token")
	if tries++; tries < 2 {
		goto again
	}
}

// A deferred literal runs after the later assignment.
func (c *Cache) Deferred(w http.ResponseWriter, r *http.Request) {
	apiToken := c.last()
	defer func() {
		if apiToken != c.last() { // want `compared with !=`
			w.WriteHeader(http.StatusUnauthorized)
		}
	}()
	apiToken = r.Header.Get("X-Api-Token")
}

// The value compared before the assignment is the caller's.
func (c *Cache) Handler(w http.ResponseWriter, r *http.Request) {
	apiToken := r.Header.Get("X-Api-Token")
	if apiToken != c.last() { // want `compared with !=`
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	apiToken = c.last()
	_ = apiToken
}
