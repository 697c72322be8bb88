// Package cmdio reads what a command's user types (tsuru's cmd package).
package cmdio

import "io"

// PasswordFromReader reads a password from r without echo when r is a
// terminal.
func PasswordFromReader(r io.Reader) (string, error) {
	b := make([]byte, 64)
	n, err := r.Read(b)
	return string(b[:n]), err
}
