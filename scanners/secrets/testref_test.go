package secrets

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestKeyNamedOnlyByTests: a key file outside any test directory that
// only _test.go files name is test data, at the tip and in history; a
// generation script beside it does not count either way, and a test
// beside it does (an SSH host key without an extension kept in the
// package whose test names it). Near misses stay production: a key a
// Compose file mounts, one a README tells operators to install, one
// nothing names, one named by a test and by production code, one named
// by the code beside it and one named only by a script beside it.
func TestKeyNamedOnlyByTests(t *testing.T) {
	r := newRepo(t)
	keys := map[string]string{
		"certificate/authkey-valid.p8": testkeys.PrivateKey(2110),
		"certificate/server.key":       testkeys.PrivateKey(2120),
		"certificate/orphan.key":       testkeys.PrivateKey(2130),
		"certificate/shared.pem":       testkeys.PrivateKey(2140),
		"certificate/installed.pem":    testkeys.PrivateKey(2150),
		"old/gone-valid.p8":            testkeys.PrivateKey(2160),
		// SSH keys named without an extension, beside the package
		// whose test names one, whose code names another, and one a
		// script beside it names.
		"sftpserver/app_host_key_rsa": testkeys.PrivateKey(2170),
		"sftpserver/app_server_key":   testkeys.PrivateKey(2180),
		"sftpserver/app_client_key":   testkeys.PrivateKey(2190),
	}
	for p, k := range keys {
		r.write(p, k)
	}
	r.write("certificate/gen.sh", "openssl genpkey -out authkey-valid.p8\nopenssl genpkey -out server.key\n")
	r.write("notify/apns_test.go", "package notify\n\nconst keyPath = \"../certificate/authkey-valid.p8\"\nconst other = \"../certificate/shared.pem\"\nconst gone = \"../old/gone-valid.p8\"\n")
	r.write("docker-compose.yml", "services:\n  app:\n    volumes:\n      - ./certificate/server.key:/etc/app/server.key\n")
	r.write("README.md", "Install certificate/installed.pem on the host.\n")
	r.write("notify/tls.go", "package notify\n\nconst prodKey = \"certificate/shared.pem\"\n")
	r.write("sftpserver/sftpserver_test.go", "package sftpserver\n\nvar cfg = Config{HostKeyFile: \"app_host_key_rsa\"}\n")
	r.write("sftpserver/sftpserver.go", "package sftpserver\n\nconst defaultKey = \"app_server_key\"\n")
	r.write("sftpserver/gen.sh", "ssh-keygen -f app_client_key\n")
	r.commit("keys")
	r.git("rm", "-q", "old/gone-valid.p8")
	r.commit("drop old key")

	res := scanRepo(t, Options{Root: r.dir})
	for p, test := range map[string]bool{
		"certificate/authkey-valid.p8": true,
		"old/gone-valid.p8":            true,
		"certificate/server.key":       false,
		"certificate/orphan.key":       false,
		"certificate/shared.pem":       false,
		"certificate/installed.pem":    false,
		"sftpserver/app_host_key_rsa":  true,
		"sftpserver/app_server_key":    false,
		"sftpserver/app_client_key":    false,
	} {
		f := findByPath(res, p)
		if f == nil {
			dumpFindings(t, res)
			t.Fatalf("no finding for %s", p)
		}
		ctx, _ := f.Properties["context"].(string)
		if got := ctx == ctxTest; got != test {
			t.Errorf("%s: context %q, level %s (%s), want test %v", p, ctx, f.Level, f.Message, test)
		}
		if test && (f.Level != finding.LevelNote || !strings.Contains(f.Message, testRefWhy+" (") || !strings.Contains(f.Message, "_test.go)")) {
			t.Errorf("%s: %s %q, want a note naming the test", p, f.Level, f.Message)
		}
	}
	var planted []string
	for _, k := range keys {
		planted = append(planted, k)
	}
	assertNoLeak(t, res, planted...)
}

// TestKeySharingHeaderLinesNotPresent: an encrypted key deleted from
// the tree is only in history although a key of the same kind is at the
// tip, whose body begins with the same base64 lines (every encrypted
// cosign key's begins with its scrypt header): the tip is searched for
// the key's own body, not for its kind's header.
func TestKeySharingHeaderLinesNotPresent(t *testing.T) {
	header := "eyJrZGYiOnsibmFtZSI6InNjcnlwdCIsInBhcmFtcyI6eyJOIjozMjc2OCwiciI6\nOCwicCI6MX0sInNhbHQiOiJ2UXd5dHpHWFpXMExkRjBpUkwrZDVvbmFXZU5RaG1h\n"
	key := func(seed uint64) string {
		body := header
		for i := range 6 {
			body += testkeys.Generic(seed+uint64(i)) + testkeys.Generic(seed+uint64(i)+100) + "\n"
		}
		return "-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----\n" + body + "-----END ENCRYPTED COSIGN PRIVATE KEY-----\n"
	}
	gone, fixture := key(2200), key(2300)
	r := newRepo(t)
	r.write("cosign.key", gone)
	r.commit("sign artifacts")
	r.git("rm", "-q", "cosign.key")
	r.write("internal/pipe/sign/testdata/cosign.key", fixture)
	r.commit("keyless signing")
	res := scanRepo(t, Options{Root: r.dir})
	f := findByPath(res, "cosign.key")
	if f == nil {
		dumpFindings(t, res)
		t.Fatal("no finding for the deleted cosign.key")
	}
	if prop(f, "status") != StatusHistory || f.Level == finding.LevelError {
		t.Errorf("deleted key: %v %s (%s), want a history-only warning", prop(f, "status"), f.Level, f.Message)
	}
	assertNoLeak(t, res, gone, fixture)
}
