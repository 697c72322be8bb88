package hardcodedcred_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authvet/authvet/analyzers/hardcodedcred"
)

// TestAccountFlow runs the default-account fixture for accounts written
// field by field and accounts created from literal arguments, in this
// package and in another through accountFact.
func TestAccountFlow(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "accountflow", "accountlib")
}

// TestAccountTestSupport: the default-account rule leaves test-support
// code alone by internal/testsupport's one definition (fixtures files,
// functions taking a testing type), not by the _test.go suffix alone.
func TestAccountTestSupport(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "accounttests")
}

// TestAccountHash runs the fixture of accounthash.go: the hash of a fixed
// password put in an account is a default account, reported at the
// password; a hash of a value read at run time, one put in no account,
// and a variable also given a run-time value are not.
func TestAccountHash(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "accounthash")
}

// TestModuleConst: a credential constant of another package of the same
// module is reported where it is declared, not again at each assignment
// from it; a dependency's is reported at the use.
func TestModuleConst(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "example.com/cli/internal/auth", "example.com/cli/internal/cmd")
}
