// Package entropy measures how random a string looks, the way gitleaks
// does, so that the secret scanner, its triage and the analyzers' copy of
// gitleaks' key formats agree on every threshold.
package entropy

import "math"

// Shannon is gitleaks' shannonEntropy (utils.go): the Shannon entropy of
// s's runes, with frequencies taken over its length in bytes.
func Shannon(s string) float64 {
	if s == "" {
		return 0
	}
	counts := make(map[rune]int)
	for _, r := range s {
		counts[r]++
	}
	inv := 1.0 / float64(len(s))
	var e float64
	for _, n := range counts {
		f := float64(n) * inv
		e -= f * math.Log2(f)
	}
	return e
}
