package lint

import (
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestImportFailedAsksForTypeOnlyErrors: the go command is asked for the
// cause of a package whose errors are all type errors, not only of one
// that says "could not import". A module the proxy refuses can leave the
// importing package with knock-on errors alone (pinniped, with
// github.com/ory/fosite refused: "undefined: fosite", "imported as plog
// and not used"). A syntax error is its own cause.
func TestImportFailedAsksForTypeOnlyErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		errs []packages.Error
		want bool
	}{
		{"could not import", []packages.Error{{Kind: packages.TypeError, Msg: `could not import example.com/x (invalid package name: "")`}}, true},
		{"knock-on type errors only", []packages.Error{
			{Kind: packages.TypeError, Msg: "undefined: fosite"},
			{Kind: packages.TypeError, Msg: `"github.com/ory/fosite" imported as plog and not used`},
		}, true},
		{"syntax error", []packages.Error{{Kind: packages.ParseError, Msg: "expected ';', found x"}, {Kind: packages.TypeError, Msg: "undefined: y"}}, false},
		{"go command error", []packages.Error{{Kind: packages.ListError, Msg: "no Go files"}}, false},
		{"no errors", nil, false},
	} {
		if got := importFailed(&packages.Package{Errors: tc.errs}); got != tc.want {
			t.Errorf("%s: importFailed = %v, want %v", tc.name, got, tc.want)
		}
	}
}
