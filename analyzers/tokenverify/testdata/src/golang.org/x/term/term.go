// Package term is a stand-in for golang.org/x/term.
package term

// ReadPassword reads a line from the terminal without echo.
func ReadPassword(fd int) ([]byte, error) { return nil, nil }
