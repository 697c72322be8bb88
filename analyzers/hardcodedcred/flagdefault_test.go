package hardcodedcred_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/hardcodedcred"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFlagDefaults checks that the default value of a flag or pflag
// string flag named like a credential is judged as an assignment to that
// name, and that empty defaults, placeholders, words, paths, header names
// and flags of other names are left alone.
func TestFlagDefaults(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "flagdefault")
}

// TestTagDefaults: a default in a struct tag for an account's password
// field (an admin, root or owner password, or a password beside a user
// name default) is a default account; a database client's password,
// placeholders, empty defaults and fields of no account are not.
func TestTagDefaults(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedcred.Analyzer, "tagdefault")
}
