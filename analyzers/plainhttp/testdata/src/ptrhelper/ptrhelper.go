// Package ptrhelper has generic and non-pointer helpers.
package ptrhelper

// To returns a pointer to v.
func To[T any](v T) *T { return &v }

// Entry is a registry entry.
type Entry struct{ URL string }

// Find looks a name up.
func Find(name string) *Entry { return &Entry{URL: "https://" + name} }
