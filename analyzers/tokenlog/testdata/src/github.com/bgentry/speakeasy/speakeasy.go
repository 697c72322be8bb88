// Package speakeasy is a stand-in for github.com/bgentry/speakeasy.
package speakeasy

// Ask prints prompt and reads a password from the terminal without echo.
func Ask(prompt string) (string, error) { return "", nil }
