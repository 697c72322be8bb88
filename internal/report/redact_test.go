package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
)

// TestRedactedCoversEveryText plants a value in every text a finding,
// a notification and the VCS data carry, and checks that no writer
// prints it, while the report handed in keeps its real edits for --fix.
func TestRedactedCoversEveryText(t *testing.T) {
	const key = "tok_9f8e7d6c5b4a39281706"
	r := sample()
	// The finder knows the value only in context ("token=..."), as
	// keyword-gated secret rules do; elsewhere it stands bare.
	r.Secrets = func(text string) []string {
		if strings.Contains(text, "token="+key) {
			return []string{key}
		}
		return nil
	}
	f := &r.Findings[0]
	f.Snippet = `const u = "http://x/?token=` + key + `"`
	f.Message = "bare " + key
	f.Fixes = []finding.Fix{{Description: "use " + key, Edits: []finding.Edit{{Path: "a.go", NewText: "https://x/?token=" + key}}}}
	f.Related = []finding.Location{{Path: "a.go", StartLine: 1, Message: "also " + key}}
	f.Flow = []finding.Location{{Path: "a.go", StartLine: 2, Message: "flows " + key}}
	f.Properties = map[string]any{"value": key, "list": []string{key}}
	r.Findings[1].Suppression.Justification = "token=" + key
	r.Notifications = []Notification{{Level: finding.LevelNote, Kind: "k", Message: "token=" + key}}
	r.VCS = &VCS{RepositoryURL: "https://example.com/r?token=" + key}

	var text, js bytes.Buffer
	if err := WriteText(&text, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"text": text.String(), "json": js.String()} {
		if strings.Contains(out, key) {
			t.Errorf("%s output holds the value:\n%s", name, out)
		}
	}
	if !strings.Contains(js.String(), "tok_…(24 chars)") {
		t.Errorf("JSON output lacks the redacted form:\n%s", js.String())
	}
	if got := r.Findings[0].Fixes[0].Edits[0].NewText; !strings.Contains(got, key) {
		t.Errorf("redaction changed the report's own fix to %q: --fix would write it", got)
	}
}
