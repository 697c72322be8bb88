package secrets

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// TestDecodedPlaceholders: a value is judged by what it decodes to,
// through layered encodings (base64 twice, hex, URL-encoding); one that
// decodes to a real-looking secret keeps its confidence.
func TestDecodedPlaceholders(t *testing.T) {
	real := testkeys.Generic(501) // random letters and digits
	for name, tc := range map[string]struct {
		value string
		low   bool
	}{
		// Positives: placeholders behind encodings.
		"32 x's base64 twice":        {"key-secrets: " + b64(b64(strings.Repeat("x", 32))), true},
		"changeme base64":            {"password: " + b64("changeme-please"), true},
		"<your-key> base64":          {"api-key: '" + b64("<your-api-key>") + "'", true},
		"REPLACE_ME hex":             {hex.EncodeToString([]byte("REPLACE_ME_WITH_KEY")), true},
		"URL-encoded then base64":    {b64(url.QueryEscape("<your token>")), true},
		"base64 of whitespace":       {"token: " + b64("          "), true},
		"user and default pass":      {"auth: " + b64("admin:password"), true},
		"block scalar":               {"secret: |\n    " + b64(b64("xxxxxxxxxxxxxxxx")), true},
		"a certificate":              {"ca.crt: " + b64("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"), true},
		"words base64 URL-encoded":   {b64("not-a-real-secret-value"), true},
		"docker config, empty auths": {".dockerconfigjson: " + b64("{\n\t\"auths\": {\n\t\t\"ghcr.io\": {}\n\t},\n\t\"credsStore\": \"osxkeychain\"\n}"), true},
		"docker config, user only":   {".dockerconfigjson: " + b64(`{"auths":{"ghcr.io":{"username":"ci"}}}`), true},
		// References to a secret kept elsewhere (bank-vaults' test
		// manifests: vault:path#key, also inside a Docker config).
		"vault reference base64":      {"certificate.key: " + b64("vault:secret/data/certificates/web#tls.key"), true},
		"vals reference base64":       {"password: " + b64("ref+vault://secret/db#/password"), true},
		"template variable base64":    {"DB_PASSWORD: " + b64("${DB_PASSWORD}"), true},
		"helm value base64":           {"token: " + b64("{{ .Values.token }}"), true},
		"docker config of references": {".dockerconfigjson: " + b64(`{"auths":{"ghcr.io":{"username":"vault:secret/data/repo#USER","password":"vault:secret/data/repo#PASSWORD","auth":"`+b64("vault:secret/data/repo#USER:vault:secret/data/repo#PASSWORD")+`"}}}`), true},
		// Near misses: real-looking values, encoded or not, stay.
		"reference then a secret":      {"password: " + b64("vault:secret/data/x#k "+real), false},
		"op without a path":            {"password: " + b64("op:"+real), false},
		"docker config, one reference": {".dockerconfigjson: " + b64(`{"auths":{"ghcr.io":{"username":"vault:secret/data/repo#USER","password":"`+real+`"}}}`), false},
		"docker config with auth":      {".dockerconfigjson: " + b64(`{"auths":{"ghcr.io":{"auth":"`+b64("ci:"+real)+`"}}}`), false},
		"docker config with password":  {".dockerconfigjson: " + b64(`{"auths":{"ghcr.io":{"username":"ci","password":"`+real+`"}}}`), false},
		"json without auths":           {"config: " + b64(`{"token":"`+real+`"}`), false},
		"real base64":                  {"password: " + b64(real), false},
		"real base64 twice":            {"key: " + b64(b64(real)), false},
		"real hex":                     {hex.EncodeToString([]byte(real)), false},
		"real user:pass":               {"auth: " + b64("deploy:"+real), false},
		"raw random":                   {real, false},
		"random bytes base64":          {"key: " + base64.StdEncoding.EncodeToString([]byte(testkeys.Hex(502, 40))[:0]) + testkeys.Generic(503), false},
		"private key base64":           {"tls.key: " + b64(testkeys.PrivateKey(504)), false},
		"hex that is random data":      {testkeys.Hex(505, 40), false},
	} {
		got := decodedPlaceholder(tc.value)
		if (got != "") != tc.low {
			t.Errorf("%s: decodedPlaceholder = %q, want placeholder %v", name, got, tc.low)
		}
	}
}

// TestKubernetesSecretPlaceholders: a Kubernetes Secret manifest whose
// base64 data decodes to a placeholder is a note however it is encoded;
// one whose data decodes to a real-looking value keeps its level.
func TestKubernetesSecretPlaceholders(t *testing.T) {
	r := newRepo(t)
	manifest := func(name, value string) string {
		return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name + "\ntype: Opaque\ndata:\n  api-key: " + value + "\n"
	}
	real := testkeys.Generic(511)
	files := map[string]string{
		"deploy/x.yaml":        b64(b64(strings.Repeat("x", 32))), // placeholder, base64 twice
		"deploy/changeme.yaml": b64("changeme-changeme"),
		"deploy/hex.yaml":      b64(hex.EncodeToString([]byte("REPLACE_ME_REPLACE_ME"))),
		"deploy/real.yaml":     b64(real),
		"deploy/real2.yaml":    b64(b64(real + "Q")),
	}
	for p, v := range files {
		r.write(p, manifest(strings.TrimSuffix(strings.TrimPrefix(p, "deploy/"), ".yaml"), v))
	}
	r.commit("manifests")
	res := scanRepo(t, Options{Root: r.dir})
	// gitleaks decodes the manifest and matches it again: the decoded
	// matches are the same secret, folded into one finding.
	for p := range files {
		n := 0
		wantLow := !strings.Contains(p, "real")
		for _, f := range res.Findings {
			if f.Location.Path != p {
				continue
			}
			n++
			if low := f.Level == finding.LevelNote; low != wantLow {
				t.Errorf("%s:%d: level %s (%v), want note %v", p, f.Location.StartLine, f.Level, prop(&f, "confidenceReason"), wantLow)
			}
			if wantLow && !strings.Contains(f.Message, "decodes (base64") {
				t.Errorf("%s: message %q does not say what the value decodes to", p, f.Message)
			}
			// Kubernetes holds the credential; it did not issue it.
			if f.RuleID == "secret/kubernetes-secret-yaml" && (strings.Contains(f.Message, "rotate it with Kubernetes") || !strings.Contains(f.Message, "with the services that issued it")) {
				t.Errorf("%s: message %q sends the reader to Kubernetes to rotate another service's credential", p, f.Message)
			}
		}
		if n != 1 {
			dumpFindings(t, res)
			t.Errorf("%s: %d findings, want 1 (the value as written, its decodings folded in)", p, n)
		}
	}
	assertNoLeak(t, res, real)
}

// TestDecodedMatchesFoldIntoTheWrittenOne: a decoded match at the place
// of a match as written (same rule, file, overlapping lines) is the same
// secret; a decoded match elsewhere (a key inside a base64 blob that
// nothing matched as written) stays its own finding. Cold and warm runs
// agree.
func TestDecodedMatchesFoldIntoTheWrittenOne(t *testing.T) {
	r := newRepo(t)
	real := testkeys.Generic(521)
	gh := testkeys.GitHub(522)
	r.write("deploy/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\ndata:\n  api-key: "+b64(b64(real))+"\n")
	r.write("deploy/blob.txt", "payload="+b64("github_token = "+gh)+"\n")
	r.commit("deploy")
	cache := t.TempDir()
	for _, run := range []string{"cold", "warm"} {
		res := scanRepo(t, Options{Root: r.dir, CacheDir: cache})
		var k8s, blob int
		for _, f := range res.Findings {
			switch f.Location.Path {
			case "deploy/secret.yaml":
				k8s++
				if f.Level == finding.LevelNote || prop(&f, "decoded") != nil {
					t.Errorf("%s: manifest finding %s decoded=%v, want the value as written at its level", run, f.Level, prop(&f, "decoded"))
				}
			case "deploy/blob.txt":
				blob++
				if prop(&f, "decoded") != true {
					t.Errorf("%s: blob finding not marked decoded", run)
				}
			}
		}
		if k8s != 1 || blob != 1 {
			dumpFindings(t, res)
			t.Errorf("%s: %d manifest and %d blob findings, want 1 and 1", run, k8s, blob)
		}
		assertNoLeak(t, res, real, gh)
	}
}

// TestSameDecodedValueDeterministic: in a Kubernetes Secret whose keys
// hold the same value (base64 of one password under two names, and the
// password written out beside them), the decoded matches fold the same
// way on every run: the groups are ordered before folding, not taken in
// map order. The same tree gives the same findings, places and related
// places twenty times.
func TestSameDecodedValueDeterministic(t *testing.T) {
	dir := t.TempDir()
	pw := testkeys.Generic(531)
	other := testkeys.Generic(532)
	manifest := "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n" +
		"  REDIS_PASSWORD: " + b64(pw) + "\n" +
		"  REDIS_SENTINEL_PASSWORD: " + b64(pw) + "\n" +
		"  SESSION_SECRET: " + b64(other) + "\n" +
		"  STORAGE_PASSWORD: " + b64(b64(pw)) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "secret.yaml"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	shape := func(res *Result) string {
		var b strings.Builder
		for _, f := range res.Findings {
			fmt.Fprintf(&b, "%s %s:%d:%d %s [", f.RuleID, f.Location.Path, f.Location.StartLine, f.Location.StartColumn, f.Fingerprint)
			for _, r := range f.Related {
				fmt.Fprintf(&b, " %d:%d", r.StartLine, r.StartColumn)
			}
			b.WriteString(" ]\n")
		}
		return b.String()
	}
	first := ""
	for i := range 20 {
		res := scanRepo(t, Options{Root: dir, Mode: Directory})
		got := shape(res)
		if i == 0 {
			first = got
			if got == "" {
				t.Fatal("no finding in the manifest")
			}
			continue
		}
		if got != first {
			t.Fatalf("run %d differs from run 0:\n%s\nwant:\n%s", i, got, first)
		}
	}
}

// TestEncodedEntryFoldsIntoTheKeyItHolds: a Kubernetes Secret whose data
// entry is an AWS credentials file in base64 is matched whole
// (kubernetes-secret-yaml) and again, decoded, as the AWS key it holds.
// That is one leak, reported once, under the rule that names the issuer.
// An entry beside it that decodes to no provider's key stays a finding of
// its own, and so does the same AWS key written out in another file.
func TestEncodedEntryFoldsIntoTheKeyItHolds(t *testing.T) {
	r := newRepo(t)
	id := testkeys.AWS(541)
	creds := "[default]\naws_access_key_id = " + id + "\naws_secret_access_key = " + testkeys.Generic(542) + "x1Y2z3W4\n"
	other := testkeys.Generic(543)
	r.write("deploy/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cloud-credentials\ntype: Opaque\ndata:\n  cloud: "+b64(creds)+"\n  token: "+b64(other)+"\n")
	r.commit("deploy")
	cache := t.TempDir()
	for _, run := range []string{"cold", "warm"} {
		res := scanRepo(t, Options{Root: r.dir, CacheDir: cache})
		byLine := map[int][]string{}
		for _, f := range res.Findings {
			if f.Location.Path == "deploy/secret.yaml" {
				byLine[f.Location.StartLine] = append(byLine[f.Location.StartLine], f.RuleID)
			}
		}
		if got := byLine[7]; len(got) != 1 || got[0] != "secret/aws-access-token" {
			dumpFindings(t, res)
			t.Errorf("%s: line 7 (the encoded credentials file) reported as %v, want only secret/aws-access-token", run, got)
		}
		if got := byLine[8]; len(got) != 1 {
			dumpFindings(t, res)
			t.Errorf("%s: line 8 (an encoded token, no provider's key) reported as %v, want one finding", run, got)
		}
		assertNoLeak(t, res, id, other)
	}
}

// TestSecretHoldingJWTIsOneFinding: a Kubernetes Secret whose base64
// data is a kubeconfig holding a service-account token is one leak: the
// Secret as written folds into the token found by decoding it (a JWT is
// a credential by its format, whoever issued it). A Secret holding a
// generic value keeps its own finding.
func TestSecretHoldingJWTIsOneFinding(t *testing.T) {
	r := newRepo(t)
	seg := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	jwt := seg(`{"alg":"RS256","kid":"k1"}`) + "." + seg(`{"iss":"kubernetes/serviceaccount","sub":"system:serviceaccount:default:linker","n":"`+testkeys.Generic(531)+`"}`) + "." + seg(testkeys.Generic(532)+testkeys.Generic(533))
	kubeconfig := "apiVersion: v1\nkind: Config\nusers:\n- name: linker\n  user:\n    token: " + jwt + "\n"
	r.write("link.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-credentials\ntype: Opaque\ndata:\n  kubeconfig: "+b64(kubeconfig)+"\n")
	r.commit("link")
	res := scanRepo(t, Options{Root: r.dir})
	var rules []string
	for _, f := range res.Findings {
		if f.Location.Path == "link.yaml" {
			rules = append(rules, f.RuleID)
		}
	}
	if len(rules) != 1 || rules[0] != "secret/jwt" {
		dumpFindings(t, res)
		t.Errorf("link.yaml findings %v, want one: the token (secret/jwt)", rules)
	}
	assertNoLeak(t, res, jwt)
}
