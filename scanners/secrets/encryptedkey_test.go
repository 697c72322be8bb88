package secrets

import (
	"encoding/base64"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// opensshKey builds an OpenSSH private key block whose header names
// cipher, with a random tail.
func opensshKey(cipher string, seed uint64) string {
	b := []byte("openssh-key-v1\x00")
	b = binary.BigEndian.AppendUint32(b, uint32(len(cipher)))
	b = append(b, cipher...)
	b = append(b, testkeys.Generic(seed)+testkeys.Generic(seed+1)...)
	body := base64.StdEncoding.EncodeToString(b)
	var lines []string
	for len(body) > 70 {
		lines, body = append(lines, body[:70]), body[70:]
	}
	lines = append(lines, body)
	return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + strings.Join(lines, "\n") + "\n-----END OPENSSH PRIVATE KEY-----\n"
}

// TestEncryptedKeyIsAWarning: a private key sealed with a password (an
// ENCRYPTED label, a legacy Proc-Type: 4,ENCRYPTED header, an OpenSSH
// key with a cipher) is reported at warning with the reason; the same
// kinds of key in the clear stay errors.
func TestEncryptedKeyIsAWarning(t *testing.T) {
	plain := testkeys.PrivateKey(551)
	body := plain[strings.Index(plain, "\n")+1 : strings.LastIndex(plain, "\n")]
	r := newRepo(t)
	files := map[string]finding.Level{
		"release/cosign.key": finding.LevelWarning,
		"certs/legacy.pem":   finding.LevelWarning,
		"deploy/id_aes":      finding.LevelWarning,
		"deploy/id_plain":    finding.LevelError,
		"certs/server.pem":   finding.LevelError,
	}
	r.write("release/cosign.key", "-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----\n"+body+"\n-----END ENCRYPTED COSIGN PRIVATE KEY-----\n")
	r.write("certs/legacy.pem", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,"+testkeys.Hex(552, 32)+"\n\n"+testkeys.PrivateKey(553)[len("-----BEGIN RSA PRIVATE KEY-----\n"):]+"\n")
	r.write("deploy/id_aes", opensshKey("aes256-ctr", 554))
	r.write("deploy/id_plain", opensshKey("none", 556))
	r.write("certs/server.pem", testkeys.PrivateKey(558)+"\n")
	r.commit("keys")
	res := scanRepo(t, Options{Root: r.dir})
	for path, want := range files {
		var got *finding.Finding
		for i := range res.Findings {
			if res.Findings[i].Location.Path == path {
				got = &res.Findings[i]
			}
		}
		if got == nil {
			dumpFindings(t, res)
			t.Errorf("%s: no finding", path)
			continue
		}
		if got.Level != want {
			t.Errorf("%s: level %s (%v), want %s", path, got.Level, prop(got, "levelReason"), want)
		}
		if want == finding.LevelWarning && !strings.Contains(got.Message, roleEncryptedKey) {
			t.Errorf("%s: message does not say the key is encrypted: %s", path, got.Message)
		}
	}
}

// TestPublicValueNotToRotate: a value triage reads as public (an age
// recipient under a key-like name) is a note whose advice does not ask
// to rotate what is public.
func TestPublicValueNotToRotate(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "chezmoi.toml"), []byte("[age]\n  identity_key = \"age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := scanRepo(t, Options{Root: dir, Mode: Directory})
	if len(res.Findings) != 1 {
		dumpFindings(t, res)
		t.Fatalf("%d findings, want 1", len(res.Findings))
	}
	f := res.Findings[0]
	if f.Level != finding.LevelNote || !strings.Contains(f.Message, "nothing to rotate if it is what it looks like") {
		t.Errorf("%s %q: want a note that does not ask to rotate a public value", f.Level, f.Message)
	}
}

// TestEncryptedKeyInHistorySaysSo: a password-encrypted key found only in
// history is at warning already (history caps the level there); the
// message still says that the key is sealed, as it does at the tip
// (review DC: flagger's deleted cosign key).
func TestEncryptedKeyInHistorySaysSo(t *testing.T) {
	plain := testkeys.PrivateKey(561)
	body := plain[strings.Index(plain, "\n")+1 : strings.LastIndex(plain, "\n")]
	r := newRepo(t)
	r.write("cosign/cosign.key", "-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----\n"+body+"\n-----END ENCRYPTED COSIGN PRIVATE KEY-----\n")
	r.write("cosign/cosign.pub", "see the release notes\n")
	r.commit("add cosign keys")
	r.git("rm", "-q", "cosign/cosign.key")
	r.commit("drop the signing key")
	res := scanRepo(t, Options{Root: r.dir})
	got := findByPath(res, "cosign/cosign.key")
	if got == nil {
		dumpFindings(t, res)
		t.Fatal("no finding for the deleted key")
	}
	if got.Level != finding.LevelWarning || !strings.Contains(got.Message, roleEncryptedKey) {
		t.Errorf("%s %q: want a warning that says the key is encrypted", got.Level, got.Message)
	}
}
