package secrets

import (
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
