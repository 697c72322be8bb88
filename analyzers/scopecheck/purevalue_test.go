package scopecheck_test

import (
	"sort"
	"strings"
	"testing"
)

// pureValueTree is a module whose handlers authenticate the caller and
// then call functions of another module (example.com/nulls, required
// at a version and replaced by a directory, so scopecheck does not
// analyse it and judges its functions by their signatures).
var pureValueTree = map[string]string{
	"go.mod":             "module example.com/svc\n\ngo 1.22\n\nrequire example.com/nulls v1.0.0\n\nreplace example.com/nulls => ./third/nulls\n",
	"third/nulls/go.mod": "module example.com/nulls\n\ngo 1.22\n",
	"third/nulls/nulls.go": `package nulls

type String struct {
	String string
	Valid  bool
}

func StringFrom(s string) String { return String{String: s, Valid: true} }

func (s String) Or(d string) string {
	if s.Valid {
		return s.String
	}
	return d
}

type Store struct{ rows map[string]String }

var Default = &Store{rows: map[string]String{}}

func Save(id string, v String) error { Default.rows[id] = v; return nil }

func Open(name string) *Store { return Default }

func Lookup(id string) (String, error) { return Default.rows[id], nil }
`,
	"api/api.go": `package api

import (
	"encoding/json"
	"net/http"

	"example.com/nulls"
)

var keys = map[string]string{"k": "svc"}

func authn(w http.ResponseWriter, r *http.Request) bool {
	if _, ok := keys[r.Header.Get("X-API-Key")]; !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return false
	}
	return true
}

// Label builds a value and answers it: no work.
func Label(w http.ResponseWriter, r *http.Request) {
	if !authn(w, r) {
		return
	}
	v := nulls.StringFrom(r.URL.Query().Get("label"))
	json.NewEncoder(w).Encode(v.Or("none"))
}

// Store saves the value: a call that can fail is work.
func Store(w http.ResponseWriter, r *http.Request) {
	if !authn(w, r) {
		return
	}
	nulls.Save(r.PathValue("id"), nulls.StringFrom(r.FormValue("v")))
}

// Handle opens a store: a handle is work.
func Handle(w http.ResponseWriter, r *http.Request) {
	if !authn(w, r) {
		return
	}
	json.NewEncoder(w).Encode(nulls.Open(r.PathValue("name")))
}

// Fetch reads a row: plain values in and out, but an error result.
func Fetch(w http.ResponseWriter, r *http.Request) {
	if !authn(w, r) {
		return
	}
	v, _ := nulls.Lookup(r.PathValue("id"))
	json.NewEncoder(w).Encode(v)
}
`,
}

// TestPureValueFuncs: a function of another module given and returning
// only plain values, with no error, builds a value (null.StringFrom) and
// is no work; one that can fail, or takes or returns a handle, is.
func TestPureValueFuncs(t *testing.T) {
	got := lintFindings(t, writeTree(t, pureValueTree), "./...")
	sort.Strings(got)
	want := []string{"scopecheck/handler api/api.go:30:6", "scopecheck/handler api/api.go:38:6", "scopecheck/handler api/api.go:46:6"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %v, want %v (Store, Handle and Fetch; Label builds a value)", got, want)
	}
}
