package secrets

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

func TestKnownSecretsRedact(t *testing.T) {
	a, b := testkeys.Generic(621), testkeys.Generic(622)
	key := testkeys.PrivateKey(623)
	body := strings.Split(key, "\n")[1]
	k := newKnownSecrets(map[string]string{"a": a, "b": b, "k": key, "short": "abc"})
	for _, c := range []struct{ in, want string }{
		{"token: " + a + " next: " + b, "token: " + red(a) + " next: " + red(b)},
		{"('" + a + "','admin token')", "('" + red(a) + "','admin token')"},
		{"…" + a[10:] + "','x')", "…','x')"},       // cut inside a secret at the start
		{"values ('" + b[:20] + "…", "values ('…"}, // cut inside a secret at the end
		{"key: " + body, "key: " + red(body)},      // a line of a key block
		{"nothing to hide here, abc", "nothing to hide here, abc"},
		{"…" + a[30:] + " x", "…" + a[30:] + " x"}, // two bytes of a secret: too short to be one
	} {
		got := k.redact(c.in)
		if got != c.want {
			t.Errorf("redact(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
		for _, v := range []string{a, b, body, a[10:], b[:20]} {
			if strings.Contains(got, v) {
				t.Errorf("redact(%q) = %q still shows %q", c.in, got, v)
			}
		}
	}
}

func red(v string) string { return finding.Redact(v) }

// TestSnippetHidesOtherSecrets: a line holding two secrets of the run,
// only one of which the rules match there (the other is known from
// another file), shows neither, cold or from the cache, in the history,
// a directory scan and whatever finding is reported at it.
func TestSnippetHidesOtherSecrets(t *testing.T) {
	r := newRepo(t)
	a, b := testkeys.Generic(624), testkeys.Generic(625)
	r.write("deploy/app.env", "API_TOKEN="+b+"\n")
	r.write("db/dump.sql", "INSERT INTO tokens VALUES ('user', token = '"+a+"', '"+b+"', 'admin');\n")
	r.commit("add")
	cache := t.TempDir()
	for _, run := range []string{"cold", "warm"} {
		res := scanRepo(t, Options{Root: r.dir, CacheDir: cache})
		if len(res.Findings) < 2 {
			dumpFindings(t, res)
			t.Fatalf("%s: want both values reported", run)
		}
		assertNoLeak(t, res, a, b)
	}
	res := scanRepo(t, Options{Root: r.dir, Mode: Directory})
	assertNoLeak(t, res, a, b)
}

// TestDecodedSecretHidden: a Kubernetes Secret spells its base64
// password out in a comment on the same line (open-im-server's
// minio-secret.yml, review AZ): the snippet showed the decoded password
// whole. What a secret of the run decodes to is hidden like the secret,
// short ones (a password of 6 to 8 characters) included.
func TestDecodedSecretHidden(t *testing.T) {
	long, short := "Qx7rTb92LmZaW4", "Zr8qLp2w"
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	k := newKnownSecrets(map[string]string{"l": "password: " + b64(long), "s": "rootPassword: " + b64(short), "plain": "notencoded!", "word": "user: " + b64("changeme")})
	// A placeholder a secret decodes to is not hidden in other lines.
	if got := k.redact("# changeme before deploying"); got != "# changeme before deploying" {
		t.Errorf("a decoded placeholder was hidden: %q", got)
	}
	for in, want := range map[string]string{
		"  password: " + b64(long) + " # base64 of \"" + long + "\"": "  " + red("password: "+b64(long)) + " # base64 of \"" + red(long) + "\"",
		"  rootPassword: " + b64(short) + " # " + short:              "  " + red("rootPassword: "+b64(short)) + " # " + red(short),
	} {
		if got := k.redact(in); got != want {
			t.Errorf("redact(%q)\n got %q\nwant %q", in, got, want)
		}
	}

	dir := t.TempDir()
	manifest := "apiVersion: v1\nkind: Secret\nmetadata:\n  name: minio\ntype: Opaque\ndata:\n" +
		"  password: " + b64(long) + " # base64 of \"" + long + "\"\n" +
		"  rootPassword: " + b64(short) + " # base64 of \"" + short + "\"\n"
	if err := os.WriteFile(filepath.Join(dir, "minio-secret.yml"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	res := scanRepo(t, Options{Root: dir, Mode: Directory})
	if len(res.Findings) == 0 {
		t.Fatal("the Secret's values were not reported")
	}
	data, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{long, short, b64(long), b64(short)} {
		if strings.Contains(string(data), v) {
			t.Errorf("result JSON shows %s…", v[:3])
		}
	}
}
