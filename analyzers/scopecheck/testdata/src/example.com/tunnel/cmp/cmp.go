package cmp // want package:"analyzed"

// Package cmp holds comparison helpers of a module: two that only
// compare their arguments (CompareFact) and near misses that do more or
// something else.

import (
	"crypto/subtle"
	"strings"
)

// EqString compares in constant time.
func EqString(a, b string) bool { // want EqString:"compare"
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// EqBytes compares two byte slices.
func EqBytes(a, b []byte) bool { return 1 == subtle.ConstantTimeCompare(a, b) } // want EqBytes:"compare"

// Prefixed is no equality.
func Prefixed(a, b string) bool { return strings.HasPrefix(a, b) }

// Known looks the key up: no comparison of its two arguments.
func Known(user, key string) bool { return keys[user] == key }

var keys = map[string]string{}
