package finding

import (
	"strings"
	"testing"
)

func TestRedactShowsAtMostFourCharacters(t *testing.T) {
	for in, want := range map[string]string{
		"sk_live_0123456789abcdef": "sk_l…(24 chars)",
		"short":                    "…(5 chars)",
		"12345678":                 "…(8 chars)",
		"":                         "…(0 chars)",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRedactInHidesMultiLineSecrets(t *testing.T) {
	secret := "-----BEGIN KEY-----\nMIIEowIBAAKCAQEAx1\nabcdefghijklmnop\n-----END KEY-----"
	text := "key: MIIEowIBAAKCAQEAx1 and abcdefghijklmnop"
	got := RedactIn(text, secret)
	if strings.Contains(got, "MIIEowIBAAKCAQEAx1") || strings.Contains(got, "abcdefghijklmnop") {
		t.Errorf("a line of the secret survived: %q", got)
	}
}

func TestLevels(t *testing.T) {
	if !LevelError.AtLeast(LevelWarning) || LevelNote.AtLeast(LevelWarning) || !LevelWarning.AtLeast(LevelWarning) {
		t.Error("level order is wrong")
	}
	if _, err := ParseLevel("fatal"); err == nil {
		t.Error("ParseLevel accepted an unknown level")
	}
	if l, err := ParseLevel(" Warning "); err != nil || l != LevelWarning {
		t.Errorf("ParseLevel(Warning) = %q, %v", l, err)
	}
}

func TestFingerprintIgnoresIndentationNotContent(t *testing.T) {
	a := Fingerprint("r", "a.go", "\tx := 1", 0)
	if b := Fingerprint("r", "a.go", "    x  :=   1", 0); a != b {
		t.Error("re-indenting changed the fingerprint")
	}
	if c := Fingerprint("r", "a.go", "x := 2", 0); a == c {
		t.Error("different lines share a fingerprint")
	}
	if d := Fingerprint("r", "a.go", "x := 1", 1); a == d {
		t.Error("the occurrence index is ignored")
	}
}

func TestCatalogueRejectsDuplicatesAndBadMetadata(t *testing.T) {
	r := Rule{ID: "x/y", Short: "s", Full: "f", Help: "h", Level: LevelWarning, SecuritySeverity: 5, Precision: PrecisionHigh}
	if _, err := NewCatalogue([]Rule{r, r}); err == nil {
		t.Error("a duplicate rule was accepted")
	}
	bad := r
	bad.SecuritySeverity = 11
	if _, err := NewCatalogue([]Rule{bad}); err == nil {
		t.Error("security severity 11 was accepted")
	}
	if tags := (&Rule{CWE: []string{"CWE-798"}}).Tags(); len(tags) != 2 || tags[1] != "external/cwe/cwe-798" {
		t.Errorf("Tags() = %v", tags)
	}
}

// TestBaselineApply: a finding whose fingerprint is in the baseline is
// unchanged and does not count; any other is new and counts.
func TestBaselineApply(t *testing.T) {
	fs := []Finding{{Fingerprint: "old", Level: LevelError}, {Fingerprint: "fresh", Level: LevelError}, {Level: LevelError}}
	Baseline{"old": true}.Apply(fs)
	want := []string{BaselineUnchanged, BaselineNew, BaselineNew}
	for i, f := range fs {
		if f.BaselineState != want[i] {
			t.Errorf("finding %d (%q): state %q, want %q", i, f.Fingerprint, f.BaselineState, want[i])
		}
	}
	if fs[0].Counts() || !fs[1].Counts() {
		t.Errorf("Counts: unchanged %v, new %v", fs[0].Counts(), fs[1].Counts())
	}
}
