package secrets

import (
	"fmt"
	"strings"
	"testing"

	"github.com/authvet/authvet/scanners/gitleaksrules"
)

func TestHasCommitWord(t *testing.T) {
	for line, want := range map[string]bool{
		"openapi_commit: 04fd2bd62cd1a9bb7e8ec33a8a0c5ab4f87c4d6e":  true, // go-github
		`commitSHA := "04fd2bd62cd1a9bb7e8ec33a8a0c5ab4f87c4d6e"`:   true,
		`gitRev = "04fd2bd62cd1a9bb7e8ec33a8a0c5ab4f87c4d6e"`:       true,
		`SHA256=04fd2bd62cd1a9bb7e8ec33a8a0c5ab4f87c4d6e`:           true,
		`api_token: 04fd2bd62cd1a9bb7e8ec33a8a0c5ab4f87c4d6e`:       false,
		`githubToken := "04fd2bd62cd1a9bb7e8ec33a8a0c5ab4f87c4d6e"`: false,
		`refresh: "04fd2bd62cd1a9bb7e8ec33a8a0c5ab4f87c4d6e"`:       false, // "refresh" is not "ref"
		`threshold := "04fd2bd62cd1a9bb7e8ec33a8a0c5ab4f87c4d6e"`:   false,
	} {
		if got := hasCommitWord(line); got != want {
			t.Errorf("hasCommitWord(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestKnownBenignLockRevision: a git object name pinned in a lock file
// is a commit whatever rule matched it; the same value elsewhere, a
// prefixed token in a lock file and a decoded value are not dropped.
func TestKnownBenignLockRevision(t *testing.T) {
	sha := "f221e3b0c4a5d6e7f8091a2b3c4d5e6f70819a2b"
	for _, tc := range []struct {
		path, line, rule, secret string
		decoded, want            bool
	}{
		{"Gopkg.lock", `  revision = "` + sha + `"`, "sourcegraph-access-token", sha, false, true},
		{"vendor/x/Gopkg.lock", `  revision = "` + sha + `"`, "sourcegraph-access-token", sha, false, true},
		{"config.go", `var sourcegraphToken = "` + sha + `"`, "sourcegraph-access-token", sha, false, false},
		{"Gopkg.lock", `  token = "sgp_` + sha + `"`, "sourcegraph-access-token", "sgp_" + sha, false, false},
		{"Gopkg.lock", `  revision = "` + sha + `"`, "sourcegraph-access-token", sha, true, false},
	} {
		h := &gitleaksrules.Hit{RuleID: tc.rule, Secret: tc.secret, Decoded: tc.decoded}
		if got := knownBenign(tc.path, tc.line, h); got != tc.want {
			t.Errorf("knownBenign(%s, %q) = %v, want %v", tc.path, tc.line, got, tc.want)
		}
	}
}

// TestRedactLineWholeValue: a match that stops inside a value (a base64
// match cut at "_", a key whose prefix the pattern left out) is redacted
// with the rest of the value, so no part of it is printed beside the
// redacted form; what follows the value on the line stays.
func TestRedactLineWholeValue(t *testing.T) {
	for _, c := range []struct{ line, match, hidden, kept string }{
		{"  AZURE: QXp1cmVTZWNyZXRWYWx1ZTEy_STRING_BASE64", "QXp1cmVTZWNyZXRWYWx1ZTEy", "_STRING_BASE64", "AZURE:"},
		{`password="abc123xyz-TAIL", user="bob"`, "abc123xyz", "-TAIL", `user="bob"`},
		{"token: PREFIXabc123xyz890 # rotated", "abc123xyz890", "PREFIX", "# rotated"},
		{"url: https://api.example.com/v1/abc123xyz890/hook", "abc123xyz890", "abc123xyz890", "https://api.example.com/v1/"},
	} {
		start := strings.Index(c.line, c.match)
		hits := []gitleaksrules.Hit{{Start: start, End: start + len(c.match), Secret: c.match}}
		got := redactLine(c.line, 0, len(c.line), hits)
		if strings.Contains(got, c.hidden) || !strings.Contains(got, c.kept) {
			t.Errorf("redactLine(%q) = %q: want %q hidden and %q kept", c.line, got, c.hidden, c.kept)
		}
	}
	// Two rules' hits on one key: one redaction, no empty one after it.
	line := "-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----"
	hits := []gitleaksrules.Hit{{Start: 0, End: len(line) + 40, Secret: line}, {Start: 5, End: len(line) + 40, Secret: line[5:]}}
	if got := redactLine(line, 0, len(line), hits); strings.Contains(got, "(0 chars)") || strings.Count(got, "…(") != 1 {
		t.Errorf("redactLine of two overlapping hits = %q, want one redaction", got)
	}
}

// TestRedactLineValueLongerThanWindow: a value that runs past the line's
// window (a PEM key on one line of an env file) is redacted whole, so the
// snippet's length agrees with the message's and none of it is printed.
func TestRedactLineValueLongerThanWindow(t *testing.T) {
	key := "MIIE" + strings.Repeat("a1B2c3D4", 198) // 1588 characters
	line := `GOTRUE_SAML_PRIVATE_KEY="` + key + `"`
	start := strings.Index(line, key)
	hits := []gitleaksrules.Hit{{Start: start, End: start + len(key), Secret: key}}
	got := redactLine(line, 0, start+lineWindow, hits)
	if !strings.Contains(got, fmt.Sprintf("(%d chars)", len(key))) || strings.Contains(got, "a1B2c3D4") {
		t.Errorf("redactLine of a value longer than the window = %q: want it redacted whole, (%d chars)", got, len(key))
	}
}

// TestLongLine: on a line longer than the window (minified JSON, a
// generated one-line schema), a hit's line is read in a window around
// it, its snippet is bounded and redacted, and a copy of another hit's
// secret beside it is redacted too.
func TestLongLine(t *testing.T) {
	pad := strings.Repeat(`"k":"v",`, 1000) // 8000 bytes
	s1, s2 := "Q9vF3kL0zW7xR2mT8bY1", "H4sN6pJ0cV9qK2dE5wA8"
	line := pad + `"api_key":"` + s1 + `","copy":"` + s2 + `",` + pad + `"secret":"` + s2 + `"`
	start := strings.Index(line, s1)
	ls, le := lineBounds(line, start)
	if ls == 0 || le == len(line) || start-ls > lineWindow || le-start > lineWindow+1 {
		t.Errorf("lineBounds(long line, %d) = %d, %d: want a window of %d bytes on each side", start, ls, le, lineWindow)
	}
	s2at := strings.LastIndex(line, s2)
	hits := []gitleaksrules.Hit{{Start: start, End: start + len(s1), Secret: s1}, {Start: s2at, End: s2at + len(s2), Secret: s2}}
	got := redactLine(line, 0, len(line), hits)
	if len(got) > maxSnippet+8 || strings.Contains(got, s1) || strings.Contains(got, s2) {
		t.Errorf("snippet of a long line = %q (%d bytes): want at most %d bytes with both secrets redacted", got, len(got), maxSnippet)
	}
}

// TestSnippetShowsItsOwnHit: on a long line with many hits (a one-line
// JSON index), each hit's snippet is cut around its own redaction, so
// that two findings on the line do not show the same value (review DD,
// juicefs's Graphify cache index).
func TestSnippetShowsItsOwnHit(t *testing.T) {
	var line strings.Builder
	var hits []gitleaksrules.Hit
	for i := 0; i < 20; i++ {
		line.WriteString(fmt.Sprintf(`"docs/page%02d.md":{"size":%d,"words":%d},`, i, 1000+i, 300+i))
		v := fmt.Sprintf("Zq%02dxW7vR2mT8bY1kL0cN5", i)
		line.WriteString(`"token":"`)
		hits = append(hits, gitleaksrules.Hit{Start: line.Len(), End: line.Len() + len(v), Secret: v})
		line.WriteString(v + `",`)
	}
	text := line.String()
	first := redactLineAt(text, 0, len(text), hits[0].Start, hits)
	last := redactLineAt(text, 0, len(text), hits[19].Start, hits)
	if first == last {
		t.Fatalf("the first and the last hit show the same snippet: %q", first)
	}
	if !strings.Contains(last, "page19") || !strings.Contains(first, "page00") {
		t.Errorf("snippets not around their own hits:\nfirst %q\nlast  %q", first, last)
	}
	for _, h := range hits {
		if strings.Contains(first, h.Secret) || strings.Contains(last, h.Secret) {
			t.Fatalf("a secret is shown in a snippet")
		}
	}
}
