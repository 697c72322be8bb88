// Package placeholder recognises values that are built to look like a
// credential and hold none, for the secret scanner's triage and the
// hardcodedcred analyzer alike.
package placeholder

// Sequential reports whether s, eight bytes or more, is mostly counting
// runs of letters or digits: at least half of its adjacent pairs step up
// to the next letter or digit ("0123456789abcdef0123456789abcdef",
// "abcd1234efgh5678"). Someone typed the alphabet: a random key of
// base62 makes such a step about once in 62, of hex once in 16.
func Sequential(s string) bool {
	if len(s) < 8 {
		return false
	}
	steps := 0
	for i := 1; i < len(s); i++ {
		a, b := s[i-1], s[i]
		if b == a+1 && alnum(a) && alnum(b) {
			steps++
		}
	}
	return steps*2 >= len(s)-1
}

func alnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
