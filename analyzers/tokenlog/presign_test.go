package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestPresigned checks that a URL an object store's SDK presigns (aws-sdk-go
// v1 and v2, minio-go, cloud.google.com/go/storage) is a credential where
// it is logged or put in an error, and that the error of the presign call,
// the operation, an endpoint, an unsigned public URL and the URL handed to
// the client (JSON response, redirect) are not reported.
func TestPresigned(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "presign")
}

// TestOneTimeCodes checks that a one-time password or login code (otp,
// ott) is a credential where it is logged, and that the code's length,
// issuer and enrolment URL are not.
func TestOneTimeCodes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "onetime")
}
