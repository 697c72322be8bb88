package secrets

import (
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestRecordedRunsBenchScriptsAndEnvExamplesAreNotes: end to end, a
// client secret in the recorded log of a certification run, a benchmark
// script's credentials and an environment-variable example in help text
// are notes; the same kind of value in a deploy script or assigned in
// code stays at its level (held-out review of ory/hydra).
func TestRecordedRunsBenchScriptsAndEnvExamplesAreNotes(t *testing.T) {
	r := newRepo(t)
	cert, bench, help := testkeys.Generic(721)+"a1", testkeys.Generic(722)+"b2", testkeys.Generic(723)+"c3"
	prod, code := testkeys.Generic(724)+"d4", testkeys.Generic(725)+"e5"
	r.write("internal/certification/run1/OP-Req-login_hint.txt", "1.621 RegistrationResponse {\n    \"client_secret\": \""+cert+"\",\n}\n")
	r.write("scripts/run-bench.sh", "#!/bin/bash\nclientSecret="+bench+"\n")
	r.write("cmd/host.go", "package cmd\n\nconst help = `- SYSTEM_SECRET: at least 16 characters.\n\tExample: SYSTEM_SECRET="+help+"\n`\n")
	r.write("scripts/deploy.sh", "#!/bin/bash\nclientSecret="+prod+"\n")
	r.write("cmd/serve.go", "package cmd\n\nvar apiSecret = \""+code+"\"\n")
	r.commit("all")
	res := scanRepo(t, Options{Root: r.dir})
	for _, tc := range []struct {
		path, snippet string
		want          finding.Level
	}{
		{"internal/certification/run1/OP-Req-login_hint.txt", "client_secret", finding.LevelNote},
		{"scripts/run-bench.sh", "clientSecret", finding.LevelNote},
		{"cmd/host.go", "Example: SYSTEM_SECRET", finding.LevelNote},
		{"scripts/deploy.sh", "clientSecret", finding.LevelWarning},
		{"cmd/serve.go", "apiSecret", finding.LevelWarning},
	} {
		f := findingAt(t, res, tc.path, tc.snippet)
		if f.Level != tc.want {
			t.Errorf("%s %q: level %s (%v), want %s", tc.path, tc.snippet, f.Level, prop(f, "levelReason"), tc.want)
		}
	}
	assertNoLeak(t, res, cert, bench, help, prod, code)
}
