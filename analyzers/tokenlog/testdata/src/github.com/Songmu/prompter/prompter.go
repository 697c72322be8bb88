// Package prompter is a stand-in for github.com/Songmu/prompter.
package prompter

// Password asks for a password without echo.
func Password(message string) string { return "" }

// Prompt asks for a line, with a default.
func Prompt(message, defaultAnswer string) string { return "" }
