// Package trunclib is a library with a truncation helper.
package trunclib

// TruncateText keeps the first 16 characters.
func TruncateText(s string) string {
	if len(s) > 16 {
		return s[:16]
	}
	return s
}
