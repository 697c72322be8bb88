package gitleaksrules

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestGenericWindowsFindTheSameMatches checks genericWindows against
// generic-api-key's regex on the whole text, over texts made of the
// pattern's own pieces in random order: prefixes up to and past 50
// bytes, every keyword, operators, quotes and newlines between key and
// value, values short and long (base64 past the tail's window, runs that
// continue past a cut), `\n` written as two bytes, and the bytes that
// end or break a match.
func TestGenericWindowsFindTheSameMatches(t *testing.T) {
	re := Default().route.rules.rules[Default().route.rules.generic].rule.Regex
	pieces := []string{
		"", " ", "\t", "\n", "\r\n", "'", "\"", "`", ";", ",", ":", "=", "==", ":=", "=>", "?=", "||", ">", "(", ")", "{", "}", "\\", "\\n", "\\r",
		"x", "my_", "a.b-c_", strings.Repeat("p", 45), strings.Repeat("q_", 30), "prefix.with-dots_",
		"access", "auth", "api", "Api", "API", "aPi", "key", "KEY", "credential", "creds", "passwd", "password", "Password", "secret", "token", "tokens",
		"abcdefghij", "Zx9kQ2mP7vR4tY8w", "aGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQ=", "ab=cd=ef=gh", "v1.2.3-rc.4_5",
		strings.Repeat("aB3+/", 60), strings.Repeat("Qw9e", 70) + "==", strings.Repeat("x", 149), strings.Repeat("y", 151),
		"é", "日本",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	texts, compared, matched := 0, 0, 0
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		texts++
		if foldTrap(text) {
			continue
		}
		spans := genericWindows(text, ToLowerASCII(text))
		want := re.FindAllStringIndex(text, -1)
		got := findAll(re, text, spans)
		compared++
		if len(want) > 0 {
			matched++
		}
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("windows %v on %q: got %v, want %v", spans, text, got, want)
		}
	}
	t.Logf("%d texts, %d compared, %d with matches", texts, compared, matched)
	if matched < 2000 {
		t.Errorf("only %d texts with matches: the test proves little", matched)
	}
}
