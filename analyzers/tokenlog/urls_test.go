package tokenlog_test

import (
	"testing"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestURLs: URLs whose user info has a password (url.UserPassword, a
// DSN parsed with url.Parse) printed whole, beside u.Redacted(), the
// host and path, a user without a password and a URL parsed from a
// string without one.
func TestURLs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "urls")
}

// TestRequestURLs: whole request URLs logged by a program that reads a
// credential from the query, in the logging package (queryown) or in a
// dependency through a package fact (usequerylib of querylib, usequerytransitive two imports away), beside
// the path, host, method and other parameters, and a program that reads
// only code, state and body credentials (querynone).
func TestRequestURLs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "querylib", "queryown", "usequerylib", "usequerytransitive", "querynone")
}

// TestQueryReaderHelpers: the credential is read through a helper that
// takes the parameter's name (in its package, qhelperlib, and from
// another package through an object fact, qhelpercross), and the URL is
// bound to a zerolog logger (UpdateContext, With().Str().Logger()).
// The map form r.URL.Query()["access_token"] reads too (qindex).
// Near misses: helpers reading a header or a POST body by name, the
// query helper called with non-credential names (qhelpernone), and
// bindings of the path or method, indexes of other names, of a header
// map and of a POST form (qindexnone).
// TestQueryRoutes: a credential query parameter read only by endpoint
// handlers is in the URLs of their routes only (queryroutes.go), in the
// reading package and in the packages importing it; read in a helper
// any route may call, it is in every URL.
func TestQueryRoutes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "queryroutes", "queryroutesmw", "queryroutesdep", "usequeryroutesdep",
		"queryroutesdisp", "usequeryroutesdisp", "queryroutesloose", "usequeryroutesloose")
}

func TestQueryReaderHelpers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "qhelperlib", "useqhelperlib", "qhelperutil", "qhelpercross", "qhelpernone", "qindex", "qindexnone")
}

// TestOutgoingRequestURLs: the URLs of requests the package builds
// (http.NewRequest, NewRequestWithContext, a helper and a field that
// only hold built ones) logged by a program that reads a token from the
// query of the requests it serves are silent; a served request's URL, a
// request handed in as a parameter and a clone of a served one are
// reported (queryout).
func TestOutgoingRequestURLs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "queryout")
}

// TestMaskedQuery: a served request's query string parsed with
// url.ParseQuery and logged is reported for the credential parameters
// the program reads that the parsed values do not mask (Del, or Set to a
// constant): all masked is silent, one left is reported by its name, a
// value kept or the raw string logged too is reported (querymask).
func TestMaskedQuery(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "querymask")
}

// TestWhoseQuery: a credential query parameter counts for the request
// URL rule only when it is read from an incoming request's URL (r.URL,
// a local copy, a URL parsed from r.RequestURI, a helper that the
// package calls with r.URL). Near misses: the token of a URL the program
// dials (a relay client's URI, querydial, imported by usequerydial, whose
// request logs stay silent), a URL parsed from configuration, a
// configured URL field, a helper called only with one, a local that may
// hold either.
func TestWhoseQuery(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "querywhose", "querydial", "usequerydial")
}

// TestRequestForms: a request's parsed form (r.Form, r.PostForm) logged
// whole by a package that reads a credential field from request forms
// (formown: gin's c.Request.FormValue("ssh_password") and
// r.PostFormValue("password"), logged through a logrus field map, log
// and slog). Near misses: another field of the form, its size, the path,
// and the forms of a package that reads only non-credential fields
// (formnone), and the forms of other endpoints when every read sits in
// an endpoint handler, here of the application's own request type
// (formroutes).
func TestRequestForms(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "formown", "formnone", "formroutes")
}

// TestFormEmpty: a form logged where every credential field the package
// reads is tested empty (x == "", "" == x, the false edge of x != "")
// holds none of them (formempty); a form logged where one of the fields
// may still be set, or after a test of another field, is reported.
func TestFormEmpty(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "formempty", "formemptytwo")
}

// TestPointerFieldReads: a credential written through one read of a
// pointer field (req.URL.RawQuery = q.Encode(), c.cfg.Password = pw)
// reaches a log through another read of the same field of the same value
// (fieldptr.go). Near misses: the host and path of the URL, another
// request's URL, another field of the config, another pointer field.
func TestPointerFieldReads(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), tokenlog.Analyzer, "ptrfield")
}
