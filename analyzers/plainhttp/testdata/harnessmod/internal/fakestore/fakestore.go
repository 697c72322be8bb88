// Package fakestore is the module's own fake store (a test-support
// directory by its name).
package fakestore

type Store struct{}

func New() *Store { return &Store{} }
