package secrets

import "testing"

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
