package secrets

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/scanners/testkeys"
)

// TestKeyRewrittenInPlace: a private key replaced by another in the same
// file changes only the lines between BEGIN and END, so the commit's
// patch never holds a whole key. The file as that commit left it is read
// and the new key is reported, credited to that commit and present at
// the tip; the old key stays a history finding. A certificate rewritten
// the same way holds no private key, and other rules do not credit the
// commit with lines it did not add.
func TestKeyRewrittenInPlace(t *testing.T) {
	r := newRepo(t)
	oldKey, newKey := testkeys.PrivateKey(980), testkeys.PrivateKey(982)
	api := testkeys.Generic(984)
	cert := func(seed uint64) string {
		return "-----BEGIN CERTIFICATE-----\n" + testkeys.Generic(seed) + testkeys.Generic(seed+1) + "\n" + testkeys.Generic(seed+2) + testkeys.Generic(seed+3) + "\n-----END CERTIFICATE-----\n"
	}
	r.write("deploy/tls/server.key", oldKey+"\n")
	r.write("deploy/tls/server.crt", cert(990))
	r.write("deploy/app.env", "API_TOKEN="+api+"\n")
	r.commit("add the server key")
	first := r.git("rev-parse", "HEAD")
	r.write("deploy/tls/server.key", newKey+"\n")
	r.write("deploy/tls/server.crt", cert(995))
	r.commit("rotate the server key")
	second := r.git("rev-parse", "HEAD")
	if second == first {
		t.Fatal("no second commit")
	}
	res := scanRepo(t, Options{Root: r.dir, Mode: History})
	var keys []string
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Location.Path == "deploy/tls/server.crt" {
			t.Errorf("a finding on the certificate: %s %s", f.RuleID, f.Message)
		}
		if f.Location.Path == "deploy/app.env" && f.Provenance != nil && f.Provenance.Commit != first {
			t.Errorf("app.env credited to %s, not the commit that added it", f.Provenance.Commit)
		}
		if f.Location.Path != "deploy/tls/server.key" || f.RuleID != "secret/private-key" {
			continue
		}
		keys = append(keys, f.Provenance.Commit+" "+prop(f, "status").(string))
	}
	want := map[string]bool{first + " " + StatusHistory: true, second + " " + StatusPresent: true}
	if len(keys) != 2 || !want[keys[0]] || !want[keys[1]] {
		t.Errorf("private-key findings on server.key = %v, want the old key in history (%s) and the new one present (%s)", keys, first[:7], second[:7])
	}
	assertNoLeak(t, res, strings.Split(oldKey, "\n")[1], strings.Split(newKey, "\n")[1], api)
}
