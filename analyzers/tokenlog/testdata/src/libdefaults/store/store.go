// Package store stands for a storage library with default options.
package store

type Options struct {
	Dir           string
	SyncWrites    bool
	EncryptionKey []byte
}

// DefaultOptions are the library's defaults: no encryption key.
func DefaultOptions(dir string) Options { return Options{Dir: dir, SyncWrites: true} }

// LoadOptions reads options from a file, the key included.
func LoadOptions(path string) Options { return Options{} }

// Open takes its options by value.
func Open(o Options) error { return nil }
