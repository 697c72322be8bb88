package suite

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/authvet/authvet/internal/finding"
)

// TestSuiteIsConsistent checks what every driver relies on: valid
// analyzers, rule ids under their analyzer's name, complete metadata.
func TestSuiteIsConsistent(t *testing.T) {
	if err := analysis.Validate(Analyzers()); err != nil {
		t.Fatal(err)
	}
	if _, err := finding.NewCatalogue(Rules()); err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if len(a.rules) == 0 {
			t.Errorf("analyzer %s has no rules", a.analyzer.Name)
		}
		for _, r := range a.rules {
			if r.ID != a.analyzer.Name && !strings.HasPrefix(r.ID, a.analyzer.Name+"/") {
				t.Errorf("rule %s does not belong to analyzer %s", r.ID, a.analyzer.Name)
			}
		}
	}
}
