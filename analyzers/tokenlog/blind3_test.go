package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestBlind3Classes runs, in one load, the fixtures of the classes the
// blind3 set exposed (docs/precision-blind3.md):
//
//   - lexpieces: tokens := strings.Fields(line) takes no credential from
//     its name, nor does a list whose elements are compared with an
//     operator (review CZ, an amount expression's tokens); the pieces of
//     a credential are still reported;
//   - carrierlib, usecarrierlib: a helper that prints a struct with a
//     credential field whole is reported there (tokenlog/struct), and
//     callers filling the field from a credential stay silent; a plain
//     parameter the helper logs is still reported at the caller.
func TestBlind3Classes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "lexpieces", "carrierlib", "usecarrierlib")
}
