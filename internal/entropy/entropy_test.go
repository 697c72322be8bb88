package entropy

import (
	"math"
	"testing"
)

func TestShannon(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want float64
	}{
		{"", 0},
		{"aaaa", 0},
		{"ab", 1},
		{"abcd", 2},
		{"aabb", 1},
		// Frequencies over bytes, as gitleaks counts: "é" is one rune of
		// two bytes, so "éa" is two runes with weight 1/3 each.
		{"éa", -2 * (1.0 / 3) * math.Log2(1.0/3)},
	} {
		if got := Shannon(tc.s); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Shannon(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
