// Package heldlib keeps the agent's current token: its getter's result
// is held by the program (a heldFact), whoever calls it.
package heldlib

import "sync"

var (
	mu      sync.Mutex
	current string
)

// CurrentToken returns the cached token.
func CurrentToken() string { // want CurrentToken:"held results"
	mu.Lock()
	defer mu.Unlock()
	return current
}

// Set replaces the cached token.
func Set(tok string) {
	mu.Lock()
	current = tok
	mu.Unlock()
}

// Echo returns what it is given: not held, it depends on the caller.
func Echo(tok string) string { return tok }
