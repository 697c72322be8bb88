package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFilledLocal checks that a local variable named like a credential
// that a call fills through its address (fmt.Scanln(&pw),
// flag.StringVar(&token, …), json.Unmarshal(b, &secret)) is a credential
// where it is logged, and that variables named otherwise, or only about a
// credential, and lengths are not.
func TestFilledLocal(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "filledlocal")
}
