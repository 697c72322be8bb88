package secrets

import (
	"crypto/sha1"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/authvet/authvet/internal/finding"
)

// TestLockFileChecksums: hex digests that a package manager wrote into
// its lock file (CocoaPods' SPEC CHECKSUMS, a Cargo.lock checksum) are
// notes; the same shape of value in a configuration file, and a token
// that is no digest in a lock file, keep their level.
func TestLockFileChecksums(t *testing.T) {
	digest := func(s string) string { h := sha1.Sum([]byte(s)); return hex.EncodeToString(h[:]) }
	dir := t.TempDir()
	write := func(p, c string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	podA, podB, conf := digest("AppAuth-1.7.5"), digest("GTMAppAuth-4"), digest("a real key")
	write("ios/Podfile.lock", "SPEC CHECKSUMS:\n  AppAuth: "+podA+"\n")
	write("macos/Podfile.lock", "SPEC CHECKSUMS:\n  GTMAppAuth: "+podB+"\n")
	write("config/app.yaml", "auth_secret: "+conf+"\n")
	write("deps/registry.lock", "registry_token = \"Zq8rT4mW9xK2pL7vB3nH6cJ1dF5gS0aY\"\n")
	res := scanRepo(t, Options{Root: dir, Mode: Directory})
	for _, c := range []struct {
		path, value string
		note        bool
	}{
		{"ios/Podfile.lock", podA, true},
		{"macos/Podfile.lock", podB, true},
		{"config/app.yaml", conf, false},      // near miss: a digest-shaped key in a config
		{"deps/registry.lock", "Zq8r", false}, // near miss: no digest, in a lock file
	} {
		f := findByPath(res, c.path)
		if f == nil {
			dumpFindings(t, res)
			t.Fatalf("no finding in %s", c.path)
		}
		if isNote := f.Level == finding.LevelNote; isNote != c.note {
			t.Errorf("%s: level %s, want note=%v (%s)", c.path, f.Level, c.note, f.Message)
		}
	}
	assertNoLeak(t, res, podA, podB, conf)
}

func TestLockChecksumShape(t *testing.T) {
	lock := []occurrence{{path: "mobile/ios/Podfile.lock"}}
	for v, want := range map[string]bool{
		"0123456789abcdef0123456789abcdef01234567": true,  // SHA-1
		"0123456789ABCDEF0123456789ABCDEF":         true,  // MD5
		"0123456789abcdef0123456789abcdef0123456":  false, // 39: no digest length
		"0123456789abcdef0123456789abcdef0123456g": false, // not hex
	} {
		if got := lockChecksum(v, lock) != ""; got != want {
			t.Errorf("lockChecksum(%q) = %v, want %v", v, got, want)
		}
	}
	mixed := []occurrence{{path: "Podfile.lock"}, {path: "config/keys.yaml"}}
	if lockChecksum("0123456789abcdef0123456789abcdef01234567", mixed) != "" {
		t.Error("a digest also found outside lock files is rated as a checksum")
	}
}

// TestScannerAllowFile: a key id listed only in git-secrets' .gitallowed
// or a .secretsignore is a note (allowfile.go); the same kind of value
// in a configuration file, and a listed value that is also used
// elsewhere, keep their level.
func TestScannerAllowFile(t *testing.T) {
	dir := t.TempDir()
	write := func(p, c string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	listed, alsoUsed, conf := "AKIAJVHTOKZWGCD2QQYQ", "AKIAJH2M5PYXK4TQ7VLC", "AKIAJD6G2KRS4HP7WRCN"
	write(".gitallowed", listed+"\n")
	write("tools/.secretsignore", "[secrets]\nAKIAJR4TGWQ2ZB6NX3KD\n")
	write("other/.gitallowed", alsoUsed+"\n")
	write("config/aws.env", "AWS_ACCESS_KEY_ID="+conf+"\n")
	write("deploy/creds.env", "AWS_ACCESS_KEY_ID="+alsoUsed+"\n")
	res := scanRepo(t, Options{Root: dir, Mode: Directory})
	for _, c := range []struct {
		path string
		note bool
	}{
		{".gitallowed", true},
		{"tools/.secretsignore", true},
		{"config/aws.env", false},   // near miss: a key id in a config file
		{"deploy/creds.env", false}, // near miss: listed (other/.gitallowed), and used here too
	} {
		f := findByPath(res, c.path)
		if f == nil {
			dumpFindings(t, res)
			t.Fatalf("no finding in %s", c.path)
		}
		if isNote := f.Level == finding.LevelNote; isNote != c.note {
			t.Errorf("%s: level %s, want note=%v (%s)", c.path, f.Level, c.note, f.Message)
		}
	}
}
