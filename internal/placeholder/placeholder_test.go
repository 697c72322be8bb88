package placeholder

import "testing"

func TestSequential(t *testing.T) {
	for v, want := range map[string]bool{
		"0123456789abcdef0123456789abcdef": true,
		"abcdefgh12345678":                 true,
		"ABCDEFGHIJ":                       true,
		"1234567":                          false, // too short to judge
		"q9Xv2LmT7rP0sYkW4nB8cZ1d":         false,
		"a1b2c3d4e5f6a7b8":                 false,
	} {
		if got := Sequential(v); got != want {
			t.Errorf("Sequential(%q) = %v, want %v", v, got, want)
		}
	}
}
