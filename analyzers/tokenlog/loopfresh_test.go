package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestLoopFresh runs the fixture of loopfresh.go: a field written late
// in one loop iteration through that iteration's element does not reach
// a read earlier in the next; through one pointer, or after a write in
// the same iteration, it does.
func TestLoopFresh(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "loopfresh")
}
