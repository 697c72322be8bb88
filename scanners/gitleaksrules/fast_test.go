package gitleaksrules

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/zricethezav/gitleaks/v8/report"
	"github.com/zricethezav/gitleaks/v8/sources"

	"github.com/authvet/authvet/scanners/testkeys"
)

// corpus returns fragments that exercise the fast paths: gitleaks' own
// test data (from the module cache, when present), Go source from the
// standard library, and generated lines with plain, encoded and
// keyword-assigned secrets.
func corpus(t *testing.T) []string {
	var frags []string
	add := func(s string) {
		frags = append(frags, s)
		// Also line by line, as hunks of a diff.
		for _, l := range strings.Split(s, "\n") {
			if l != "" {
				frags = append(frags, l)
			}
		}
	}
	for i := range 40 {
		k := []string{testkeys.GitHub(uint64(i)), testkeys.AWS(uint64(i)), testkeys.Stripe(uint64(i)), testkeys.Slack(uint64(i)), testkeys.Generic(uint64(i))}[i%5]
		add(fmt.Sprintf("token = %q\n", k))
		add(fmt.Sprintf("x := %q\n", base64.StdEncoding.EncodeToString([]byte("api_key = \""+k+"\""))))
		add(fmt.Sprintf("h := %q\n", hex.EncodeToString([]byte("secret: "+k))))
		add("u := \"https://x/?q=" + url.QueryEscape("password=\""+k+"\"") + "\"\n")
		add(fmt.Sprintf("apiKey: %s\nother: 1\n", k))
		add(fmt.Sprintf("var authHeader = \"Bearer %s\"\n", testkeys.Generic(uint64(i+100))))
		add(fmt.Sprintf("refreshToken%d := fmt.Sprintf(\"user:%%d\", id)\n", i))
	}
	var roots []string
	if gl := gitleaksModDir(); gl != "" {
		roots = append(roots, filepath.Join(gl, "testdata"))
	}
	if gr := goroot(); gr != "" {
		roots = append(roots, filepath.Join(gr, "src", "net", "http"))
	}
	for _, root := range roots {
		budget := 600 << 10 // bytes per root, to keep the test quick
		filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() || info.Size() > 100<<10 || budget < 0 {
				return nil
			}
			budget -= int(info.Size())
			data, err := os.ReadFile(p)
			if err == nil && !strings.Contains(string(data[:min(len(data), 8000)]), "\x00") {
				add(string(data))
			}
			return nil
		})
	}
	if len(frags) < 500 {
		t.Fatalf("corpus too small: %d", len(frags))
	}
	return frags
}

func gitleaksModDir() string {
	out := filepath.Join(os.Getenv("HOME"), "go", "pkg", "mod", "github.com", "zricethezav", "gitleaks", "v8@v8.30.1")
	if _, err := os.Stat(out); err == nil {
		return out
	}
	return ""
}

// key is what a finding says, but its entropy (gitleaks sums it in map
// order, so its last bits vary from run to run).
type key struct {
	rule, secret      string
	line, col         int
	endLine, endCol   int
	match, text, tags string
}

func keyOf(f *report.Finding) key {
	return key{f.RuleID, f.Secret, f.StartLine, f.StartColumn, f.EndLine, f.EndColumn, f.Match, f.Line, strings.Join(f.Tags, ",")}
}

// TestFastPathsAreExact checks that routing a fragment to a detector
// without generic-api-key or without decoding never changes gitleaks'
// result.
func TestFastPathsAreExact(t *testing.T) {
	if testing.Short() {
		t.Skip("compares with gitleaks over a large corpus: minutes under -race; the plain test run covers it")
	}
	r := Default().route
	if !r.genericFast {
		t.Fatal("generic fast path not enabled for the default rules")
	}
	skippedGeneric, skippedDecode, total := 0, 0, 0
	for _, text := range corpus(t) {
		for dec := 0; dec < 2; dec++ {
			total++
			checkExact(t, r, text, dec == 1)
			p := r.pick(text, dec == 1)
			if dec == 1 && (p == r.detectors()[0][0] || p == r.detectors()[0][1]) {
				skippedDecode++
			}
			if p == r.detectors()[0][0] || p == r.detectors()[1][0] {
				skippedGeneric++
			}
		}
	}
	t.Logf("%d checks; generic skipped %d, decoding skipped %d", total, skippedGeneric, skippedDecode)
	if skippedGeneric == 0 || skippedDecode == 0 {
		t.Error("fast paths never taken: the test proves nothing")
	}
}

// checkExact compares the router's findings for text with those of
// gitleaks' full detector (with decoding when decode is set), both as
// gitleaks' findings (after gitleaks' cross-rule dedup) and as the hits
// Detect returns. It returns the full detector's findings.
func checkExact(t *testing.T, r *router, text string, decode bool) []report.Finding {
	t.Helper()
	dec := 0
	if decode {
		dec = 1
	}
	frag := sources.Fragment{Raw: text, FilePath: "x.go"}
	wantF := detectIn(context.Background(), r.detectors()[dec][1], frag)
	gotF := r.detect(context.Background(), frag, decode)
	var want, got []key
	for i := range wantF {
		want = append(want, keyOf(&wantF[i]))
	}
	for i := range gotF {
		got = append(got, keyOf(&gotF[i]))
	}
	got = dropShadowedGeneric(got)
	want = dropShadowedGeneric(want)
	sortKeys(got)
	sortKeys(want)
	if !reflect.DeepEqual(want, got) {
		t.Errorf("decode=%v: fast path differs on %q…:\nwant %v\ngot  %v", decode, text[:min(60, len(text))], want, got)
		return wantF
	}
	wantH, gotH := toHits(wantF, text), toHits(gotF, text)
	for _, hs := range [][]Hit{wantH, gotH} {
		for i := range hs {
			hs[i].Entropy = 0
		}
		// Hits at one place by one rule come in gitleaks' (map) order.
		sort.SliceStable(hs, func(i, j int) bool {
			a, b := hs[i], hs[j]
			if a.Start != b.Start || a.End != b.End || a.RuleID != b.RuleID {
				return less(&a, &b)
			}
			if a.Secret != b.Secret {
				return a.Secret < b.Secret
			}
			return strings.Join(a.Tags, ",") < strings.Join(b.Tags, ",")
		})
	}
	if !reflect.DeepEqual(wantH, gotH) {
		t.Errorf("decode=%v: hits differ on %q…:\nwant %+v\ngot  %+v", decode, text[:min(60, len(text))], wantH, gotH)
	}
	return wantF
}

// dropShadowedGeneric applies gitleaks' own dedup (a generic match on the
// line of a specific match whose secret contains it), which single-rule
// detectors cannot do across rules.
func dropShadowedGeneric(ks []key) []key {
	var out []key
	for _, k := range ks {
		shadowed := false
		if k.rule == GenericRuleID {
			for _, o := range ks {
				if o.rule != GenericRuleID && o.line == k.line && strings.Contains(o.secret, k.secret) {
					shadowed = true
				}
			}
		}
		if !shadowed {
			out = append(out, k)
		}
	}
	return out
}

func sortKeys(ks []key) {
	sort.Slice(ks, func(i, j int) bool {
		a, b := ks[i], ks[j]
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		if a.rule != b.rule {
			return a.rule < b.rule
		}
		if a.secret != b.secret {
			return a.secret < b.secret
		}
		return a.tags < b.tags
	})
}

// goroot is the GOROOT of the go command on PATH ("" without one): the
// sources the test reads as realistic code.
func goroot() string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
