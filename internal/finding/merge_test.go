package finding

import "testing"

// TestFold: a secret on the line of an analyzer finding is folded into
// it (one finding, the analyzer's message and fix, the secret's rule,
// properties, provenance, occurrences and higher level); a secret on
// another line, or on the line of a finding whose rule does not absorb,
// is added as it is.
func TestFold(t *testing.T) {
	absorbs := func(id string) bool { return id == "hardcodedcred/assignment" }
	fs := []Finding{
		{RuleID: "hardcodedcred/assignment", Level: LevelWarning, Message: "hard-coded credential",
			Location: Location{Path: "a.go", StartLine: 3}, Properties: map[string]any{"context": "production"},
			Fixes: []Fix{{Description: "read it from the environment"}}},
		{RuleID: "plainhttp/url", Level: LevelWarning, Location: Location{Path: "b.go", StartLine: 7}},
	}
	prov := &Provenance{}
	extra := []Finding{
		{RuleID: "secret/aws-access-token", Level: LevelError, Message: "AWS key",
			Location:   Location{Path: "a.go", StartLine: 3},
			Properties: map[string]any{"status": "present", "context": "test"},
			Provenance: prov, Related: []Location{{Path: "old.go", StartLine: 1}}},
		{RuleID: "secret/github-pat", Level: LevelError, Location: Location{Path: "a.go", StartLine: 4}},
		{RuleID: "secret/generic", Level: LevelNote, Location: Location{Path: "b.go", StartLine: 7}},
	}
	got := Fold(fs, extra, absorbs)
	if len(got) != 4 {
		t.Fatalf("got %d findings, want 4: %+v", len(got), got)
	}
	f := got[0]
	if f.RuleID != "hardcodedcred/assignment" || f.Message != "hard-coded credential" || len(f.Fixes) != 1 {
		t.Errorf("the analyzer's finding changed identity: %+v", f)
	}
	if f.Level != LevelError {
		t.Errorf("level %s, want the secret's higher error", f.Level)
	}
	if f.Properties["secretRule"] != "secret/aws-access-token" || f.Properties["status"] != "present" {
		t.Errorf("properties %v lack the secret's rule and status", f.Properties)
	}
	if f.Properties["context"] != "production" {
		t.Errorf("the analyzer's own property was overwritten: %v", f.Properties)
	}
	if f.Provenance != prov || len(f.Related) != 1 || f.Related[0].Path != "old.go" {
		t.Errorf("provenance %v, related %v", f.Provenance, f.Related)
	}
	if got[2].RuleID != "secret/github-pat" || got[3].RuleID != "secret/generic" {
		t.Errorf("unabsorbed secrets not added in order: %s, %s", got[2].RuleID, got[3].RuleID)
	}
	if _, ok := got[1].Properties["secretRule"]; ok {
		t.Errorf("a finding whose rule does not absorb took a secret: %+v", got[1])
	}

	// A lower-level secret does not lower the analyzer's level.
	low := Fold([]Finding{{RuleID: "hardcodedcred/assignment", Level: LevelWarning, Location: Location{Path: "a.go", StartLine: 1}}},
		[]Finding{{RuleID: "secret/generic", Level: LevelNote, Location: Location{Path: "a.go", StartLine: 1}}}, absorbs)
	if len(low) != 1 || low[0].Level != LevelWarning {
		t.Errorf("a note-level secret: %+v", low)
	}
}
