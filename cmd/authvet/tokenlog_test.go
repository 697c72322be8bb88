package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/testutil"
)

// writeHelperModule writes a module where two handlers pass the
// Authorization header to a helper that parses it and echoes it in its
// error (the helper owns the sink), a third passes it to a log wrapper
// (each call is its own leak), and a package of its own calls the
// helper's exported twin twice (facts).
func writeHelperModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.22\n",
		"auth/auth.go": `package auth

import (
	"fmt"
	"log"
	"net/http"
	"strings"
)

func split(header string) (string, error) {
	s := strings.Split(header, " ")
	if len(s) != 2 {
		return "", fmt.Errorf("invalid authorization header %q", header)
	}
	return s[1], nil
}

// Split is split for other packages.
func Split(header string) (string, error) { return split(header) }

func debugf(format string, args ...any) { log.Printf(format, args...) }

func Basic(r *http.Request) (string, error) {
	return split(r.Header.Get("Authorization"))
}

func Bearer(r *http.Request) (string, error) {
	return split(r.Header.Get("Authorization"))
}

func Trace(r *http.Request) {
	debugf("auth %s", r.Header.Get("Authorization"))
}
`,
		"web/web.go": `package web

import (
	"net/http"

	"example.com/m/auth"
)

func A(r *http.Request) { auth.Split(r.Header.Get("Authorization")) }

func B(r *http.Request) { auth.Split(r.Header.Get("Authorization")) }
`,
	})
	return dir
}

// TestTokenlogHelperSink: the echo inside the helper is one finding at
// the helper's error, whose SARIF code flow runs from the first caller's
// header read through the call to the sink; the log wrapper's caller is
// reported at the call; the other package's two calls are one finding.
func TestTokenlogHelperSink(t *testing.T) {
	dir := writeHelperModule(t)
	sarifPath := filepath.Join(t.TempDir(), "out.sarif")
	out, code := runIn(t, dir, binary, "lint", "--enable", "tokenlog", "--format", "sarif", "-o", sarifPath)
	if code != 1 {
		t.Fatalf("lint: exit %d, want 1:\n%s", code, out)
	}
	data, err := os.ReadFile(sarifPath)
	if err != nil {
		t.Fatal(err)
	}
	testutil.ValidateSARIF(t, data)
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
				CodeFlows []struct {
					ThreadFlows []struct {
						Locations []struct {
							Location struct {
								PhysicalLocation struct {
									ArtifactLocation struct{ URI string }
									Region           struct{ StartLine int }
								}
								Message struct{ Text string }
							}
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range doc.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		got = append(got, loc.ArtifactLocation.URI+":"+strconv.Itoa(loc.Region.StartLine)+" "+r.RuleID+" "+r.Message.Text)
		if loc.ArtifactLocation.URI != "auth/auth.go" || loc.Region.StartLine != 13 {
			continue
		}
		if len(r.CodeFlows) != 1 || len(r.CodeFlows[0].ThreadFlows) != 1 {
			t.Fatalf("helper sink finding has no code flow: %+v", r.CodeFlows)
		}
		var steps []string
		for _, l := range r.CodeFlows[0].ThreadFlows[0].Locations {
			pl := l.Location.PhysicalLocation
			steps = append(steps, pl.ArtifactLocation.URI+":"+strconv.Itoa(pl.Region.StartLine)+" "+l.Location.Message.Text)
		}
		want := []string{
			"auth/auth.go:24 credentials from the Authorization header",
			"auth/auth.go:24 passed to split",
			"auth/auth.go:13 reaches fmt.Errorf in split",
		}
		if strings.Join(steps, " | ") != strings.Join(want, " | ") {
			t.Errorf("code flow\n got %q\nwant %q", steps, want)
		}
	}
	want := []string{
		"auth/auth.go:13 tokenlog/error credentials from the Authorization header is put in an error message by fmt.Errorf in split, passed by Basic and 1 other call",
		"auth/auth.go:32 tokenlog/log credentials from the Authorization header reaches log.Printf via debugf",
		"web/web.go:9 tokenlog/error credentials from the Authorization header is put in an error message by fmt.Errorf via auth.Split and auth.split (and 1 other call in this package)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results\n got %q\nwant %q", got, want)
	}

	// go vet -vettool sees the same, the helper's ownership arriving
	// as a fact.
	out, _ = runIn(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if n := strings.Count(out, "is put in an error message"); n != 2 || !strings.Contains(out, "via auth.Split and auth.split (and 1 other call in this package)") {
		t.Errorf("go vet -vettool: %d error findings, want 2 (one per package):\n%s", n, out)
	}
}
