package secrets

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestSecretManifestNextDocument: a kubernetes-secret-yaml match that ran
// from a Secret whose data entries are all empty across "---" into the
// next document (a rendered chart's "# Source: …" comment) is a note; a
// Secret's own entry, a commented-out entry inside its data block and an
// entry of a second Secret after "---" keep their level.
func TestSecretManifestNextDocument(t *testing.T) {
	r := newRepo(t)
	own := base64.StdEncoding.EncodeToString([]byte(testkeys.Generic(980)))
	commented := base64.StdEncoding.EncodeToString([]byte(testkeys.Generic(981)))
	second := base64.StdEncoding.EncodeToString([]byte(testkeys.Generic(982)))
	r.write("deployment/rendered.yaml", "---\n# Source: app/templates/secret.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  SLACK_TOKEN: \n  BASIC_AUTH_PASSWORD: \n---\n# Source: app/templates/pvcclaim.yaml\nkind: PersistentVolumeClaim\napiVersion: v1\nmetadata:\n  name: app-data\n")
	r.write("deployment/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ndata:\n  token: "+own+"\n")
	r.write("deployment/commented.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ndata:\n  # token: "+commented+"\n  user: \n")
	r.write("deployment/two.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\ndata:\n  a: \n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\ndata:\n  token: "+second+"\n")
	r.commit("manifests")
	res := scanRepo(t, Options{Root: r.dir})
	seen := 0
	for _, f := range res.Findings {
		if f.Location.Path != "deployment/rendered.yaml" {
			continue
		}
		seen++
		if f.Level != finding.LevelNote || !strings.Contains(f.Message, "next YAML document") {
			t.Errorf("rendered.yaml:%d: level %s, want a note naming the next document: %s", f.Location.StartLine, f.Level, f.Message)
		}
	}
	if seen == 0 {
		t.Error("no finding on rendered.yaml: the rule did not run past --- (test premise)")
	}
	for _, p := range []string{"deployment/secret.yaml", "deployment/commented.yaml", "deployment/two.yaml"} {
		if f := findingAt(t, res, p, ""); f.Level == finding.LevelNote {
			t.Errorf("%s: a Secret's own entry is a note: %s", p, f.Message)
		}
	}
	assertNoLeak(t, res, own, commented, second)
}
