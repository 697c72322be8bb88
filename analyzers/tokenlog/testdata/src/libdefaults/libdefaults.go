// Package libdefaults prints a library's options whole. The library's
// defaults hold no credential; one the program sets, or options loaded
// from a file, or defaults made from a value the caller gives, may.
package libdefaults

import (
	"log"

	"libdefaults/store"
)

type config struct {
	Dir    string
	Key    []byte
	Secure bool
}

// Silent: the defaults, with the program's own non-secret settings.
func open(cfg config) error {
	opts := store.DefaultOptions("")
	opts.Dir = cfg.Dir
	opts.SyncWrites = false
	if err := store.Open(opts); err != nil {
		return err
	}
	log.Printf("store options: %+v", opts)
	return nil
}

// Near miss: the key is set before the print.
func openEncrypted(cfg config) error {
	opts := store.DefaultOptions("")
	opts.Dir = cfg.Dir
	if cfg.Secure {
		opts.EncryptionKey = cfg.Key
	}
	log.Printf("store options: %+v", opts) // want `store.Options with credential field EncryptionKey is printed whole by log.Printf`
	return store.Open(opts)
}

// Near miss: options loaded from a file, not defaults.
func openFromFile() error {
	opts := store.LoadOptions("/etc/store.conf")
	opts.SyncWrites = false
	log.Printf("store options: %+v", opts) // want `store.Options with credential field EncryptionKey is printed whole by log.Printf`
	return store.Open(opts)
}

// Near miss: the directory comes from the caller; the function is named
// for defaults, but what it is given is not a constant.
func openAt(dir string) error {
	opts := store.DefaultOptions(dir)
	opts.SyncWrites = false
	log.Printf("store options: %+v", opts) // want `store.Options with credential field EncryptionKey is printed whole by log.Printf`
	return store.Open(opts)
}
