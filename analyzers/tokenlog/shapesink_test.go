package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestShapeSink checks that a leveled logger tokenlog does not know by
// name is recognised by its shape (a level name, no result, a message and
// its operands), that a logger-shaped function whose body drops its
// operands, a translation call and a function with a result are not,
// and that a value stored under a credential's query parameter is a
// credential in the URL built from it.
func TestShapeSink(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "shapelib", "shapeuse", "shapezap")
}

// TestKeyvalsLogger checks that a key-value logger shaped like go-kit's
// (a method Log(keyvals ...any) error, in go-kit or an in-house copy of
// its interface) is a sink, and that methods of other shapes are not.
func TestKeyvalsLogger(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "kitlog")
}
