package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestInterfaceKeys checks that a constant key converted to a map's
// interface key type (gorilla/sessions' Values) names its entry as the
// constant does: sess.Values["access_token"] is a credential, and the
// entries under other keys are kept apart.
func TestInterfaceKeys(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "ifacekeys")
}
