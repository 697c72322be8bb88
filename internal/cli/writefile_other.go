//go:build !unix

package cli

import "os"

func canWrite(path string) error { return nil }

func openNoBlock(path string) (*os.File, error) { return os.OpenFile(path, os.O_WRONLY, 0) }
