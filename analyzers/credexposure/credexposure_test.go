package credexposure_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/credexposure"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestCookie(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), credexposure.Analyzer, "cookie", "cookiehelp", "usecookiehelp")
}
