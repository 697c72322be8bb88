// Package testutil is a test-support package: its credentials are
// fixtures, and the package is skipped.
package testutil

var APIKey = "Q2w9E4r7T1y6U3i8"
