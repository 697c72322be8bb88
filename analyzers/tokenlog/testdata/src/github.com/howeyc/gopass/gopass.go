// Package gopass is a stand-in for github.com/howeyc/gopass.
package gopass

// GetPasswd reads a password from the terminal without echo.
func GetPasswd() ([]byte, error) { return nil, nil }

// GetPasswdMasked reads a password from the terminal, echoing '*'.
func GetPasswdMasked() ([]byte, error) { return nil, nil }
