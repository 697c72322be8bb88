//go:build unix

package cli

import (
	"os"
	"syscall"
)

// canWrite checks the permission to write path without opening it.
func canWrite(path string) error {
	if err := syscall.Access(path, 2 /* W_OK */); err != nil {
		return &os.PathError{Op: "access", Path: path, Err: err}
	}
	return nil
}

// openNoBlock opens a device for writing without waiting on it.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0)
}
