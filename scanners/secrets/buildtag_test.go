package secrets

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// goFile is a Go source file with a build constraint header (none when
// constraint is empty) holding key in a var.
func goFile(constraint, name, key string) string {
	h := "// Copyright 2025 The Authors.\n\n"
	if constraint != "" {
		h += "//go:build " + constraint + "\n\n"
	}
	return h + "package service\n\nimport \"os\"\n\nvar _ = os.Getenv\n\nvar " + name + " = \"" + key + "\"\n"
}

// TestBuildConstraintIsTestSupport: a Go file built only under a test
// build tag (//go:build e2etest, integration) is test code for the
// secret triage, as for the analyzers, whatever its path: its secrets
// are notes. The file is read as the place's commit left it: a secret
// added below an existing header (the diff shows no constraint) is
// judged by the whole file, and one still at the tip by the tip's file.
// Near misses keep their level: a platform tag, a negated test tag, a
// test tag or'ed with another, a tag holding the letters, and a key in
// a file whose test tag was removed since.
func TestBuildConstraintIsTestSupport(t *testing.T) {
	r := newRepo(t)
	e2e := testkeys.GitHub(811)      // //go:build e2etest, at the tip: note
	linux := testkeys.GitHub(812)    // //go:build linux: error
	notE2E := testkeys.GitHub(813)   // //go:build !e2etest: error
	either := testkeys.GitHub(814)   // //go:build e2e || linux: error
	latest := testkeys.GitHub(815)   // //go:build latest: error
	integ := testkeys.GitHub(816)    // added below //go:build integration, deleted since: note
	plain := testkeys.GitHub(817)    // added below no constraint, deleted since: warning
	untagged := testkeys.GitHub(818) // //go:build e2e, the tag removed since: error
	r.write("service/e2etest_service.go", goFile("e2etest", "e2eKey", e2e))
	r.write("service/service_linux.go", goFile("linux", "linuxKey", linux))
	r.write("service/service_prod.go", goFile("!e2etest", "prodKey", notE2E))
	r.write("service/either.go", goFile("e2e || linux", "eitherKey", either))
	r.write("service/latest.go", goFile("latest", "latestKey", latest))
	r.write("service/setup.go", goFile("integration", "setupName", "x"))
	r.write("service/plain.go", goFile("", "plainName", "x"))
	r.write("service/seed.go", goFile("e2e", "seedKey", untagged))
	r.commit("service")
	r.write("service/setup.go", goFile("integration", "setupName", "x")+"\nvar setupKey = \""+integ+"\"\n")
	r.write("service/plain.go", goFile("", "plainName", "x")+"\nvar plainKey = \""+plain+"\"\n")
	r.commit("keys")
	r.git("rm", "-q", "service/setup.go", "service/plain.go")
	r.write("service/seed.go", goFile("", "seedKey", untagged))
	r.commit("drop setup; seed in every build")

	want := map[string]struct {
		level finding.Level
		ctx   string
	}{
		"e2eKey":    {finding.LevelNote, ctxTest},
		"linuxKey":  {finding.LevelError, ctxProduction},
		"prodKey":   {finding.LevelError, ctxProduction},
		"eitherKey": {finding.LevelError, ctxProduction},
		"latestKey": {finding.LevelError, ctxProduction},
		"setupKey":  {finding.LevelNote, ctxTest},
		"plainKey":  {finding.LevelWarning, ctxProduction},
		"seedKey":   {finding.LevelError, ctxProduction},
	}
	check := func(run string, res *Result, want map[string]struct {
		level finding.Level
		ctx   string
	}) {
		t.Helper()
		got := map[string]*finding.Finding{}
		for i := range res.Findings {
			f := &res.Findings[i]
			for k := range want {
				if strings.Contains(f.Snippet, k+" =") {
					got[k] = f
				}
			}
		}
		for k, w := range want {
			f := got[k]
			if f == nil {
				dumpFindings(t, res)
				t.Fatalf("%s: no finding at %q", run, k)
			}
			if f.Level != w.level || prop(f, "context") != w.ctx {
				t.Errorf("%s: %s at %s: level %s, context %v; want %s, %s (%s)", run, k, f.Location.Path, f.Level, prop(f, "context"), w.level, w.ctx, f.Message)
			}
			if w.ctx == ctxTest && !strings.Contains(f.Message, "build tag") {
				t.Errorf("%s: %s: message does not name the build tag: %s", run, k, f.Message)
			}
		}
		assertNoLeak(t, res, e2e, linux, notE2E, either, latest, integ, plain, untagged)
	}
	cache := t.TempDir()
	for _, run := range []string{"cold", "warm"} {
		check(run, scanRepo(t, Options{Root: r.dir, CacheDir: cache}), want)
	}

	// The same files on disk, scanned as a directory: the tip's files.
	dirWant := map[string]struct {
		level finding.Level
		ctx   string
	}{}
	for _, k := range []string{"e2eKey", "linuxKey", "prodKey", "eitherKey", "latestKey", "seedKey"} {
		w := want[k]
		if w.level == finding.LevelError {
			w.level = finding.LevelWarning // a file on disk, not known committed
		}
		dirWant[k] = w
	}
	res := scanRepo(t, Options{Root: r.dir, Mode: Directory})
	for i := range res.Findings {
		if f := &res.Findings[i]; strings.Contains(f.Snippet, "linuxKey =") {
			// Whatever a directory scan's level for production is,
			// the test-tagged file's must be below it.
			for k, w := range dirWant {
				if w.ctx == ctxProduction {
					w.level = f.Level
					dirWant[k] = w
				}
			}
		}
	}
	check("directory", res, dirWant)

	// Staged: the index's blob is read.
	staged := testkeys.GitHub(819)
	r.write("service/staged_e2e.go", goFile("e2e", "stagedKey", staged))
	r.git("add", "service/staged_e2e.go")
	res = scanRepo(t, Options{Root: r.dir, Mode: Staged})
	var f *finding.Finding
	for i := range res.Findings {
		if strings.Contains(res.Findings[i].Snippet, "stagedKey =") {
			f = &res.Findings[i]
		}
	}
	if f == nil || prop(f, "context") != ctxTest || f.Level != finding.LevelNote {
		dumpFindings(t, res)
		t.Fatalf("staged key in an e2e-tagged file: want a note in test context")
	}
}
