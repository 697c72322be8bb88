package secrets

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// digestB64 is n random-looking bytes (from testkeys) in base64, the
// shape of a stored digest.
func digestB64(seed uint64, n int) string {
	b, err := hex.DecodeString(testkeys.Hex(seed, 2*n))
	if err != nil {
		panic(err)
	}
	return base64.StdEncoding.EncodeToString(b)
}

// TestSaltedHash: a digest under a password or hash key with a salt
// field in the same record is a salted password hash; a value that is
// not a digest's size, a record without a salt, a salt in another record
// and a key that names neither a password nor a hash are not.
func TestSaltedHash(t *testing.T) {
	d64, d32, dHex := digestB64(870, 64), digestB64(871, 32), testkeys.Hex(872, 64)
	salt := digestB64(873, 12)
	for _, tc := range []struct {
		name, text, value string
		want              bool
	}{
		// Positives.
		{"mosquitto dynsec", "{\n\t\"clients\":\t[{\n\t\t\t\"username\":\t\"bob\",\n\t\t\t\"password\":\t\"" + d64 + "\",\n\t\t\t\"salt\":\t\"" + salt + "\",\n\t\t\t\"iterations\":\t101\n\t\t}]\n}\n", d64, true},
		{"salt above", "users:\n  - name: ada\n    salt: " + salt + "\n    password_hash: " + d32 + "\n", d32, true},
		{"hex digest", "[users.ada]\nsalt = \"" + salt + "\"\nhash = \"" + dHex + "\"\n", dHex, true},
		{"one line", "{\"user\":\"ada\",\"password\":\"" + d32 + "\",\"salt\":\"" + salt + "\"}\n", d32, true},
		{"passwordSalt", "admin:\n  passwordSalt: " + salt + "\n  password: " + d64 + "\n", d64, true},
		// Near misses.
		{"no salt", "{\n  \"username\": \"bob\",\n  \"password\": \"" + d64 + "\"\n}\n", d64, false},
		{"salt in another record", "clients:\n  - user: a\n    salt: " + salt + "\n  - user: b\n    password: " + d64 + "\n", d64, false},
		{"salt of a parent", "salt: " + salt + "\nadmin:\n  password: " + d64 + "\n", d64, false},
		{"api key beside a salt", "auth:\n  api_key: " + d32 + "\n  salt: " + salt + "\n", d32, false},
		{"not a digest size", "auth:\n  password: " + testkeys.Generic(874) + "\n  salt: " + salt + "\n", testkeys.Generic(874), false},
		{"empty salt", "auth:\n  password: " + d64 + "\n  salt: \"\"\n", d64, false},
		{"salt in a comment far below", "auth:\n  password: " + d64 + strings.Repeat("\n  x: 1", 14) + "\n  salt: " + salt + "\n", d64, false},
		{"salt_rounds only", "auth:\n  password: " + d64 + "\n  rounds: 12\n", d64, false},
	} {
		start := strings.Index(tc.text, tc.value)
		ls, _ := lineBounds(tc.text, start)
		if got := saltedHash(tc.text, ls, start); got != tc.want {
			t.Errorf("%s: saltedHash = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestSaltedHashesAreNotes: on a real history, a Mosquitto
// dynamic-security file's client password hashes (added whole, then one
// rotated alone in a later commit) are notes with the reason; a password
// of the same size with no salt beside it, in the same kind of file,
// stays a warning.
func TestSaltedHashesAreNotes(t *testing.T) {
	r := newRepo(t)
	h1, h2, plain := digestB64(880, 64), digestB64(881, 64), digestB64(886, 64)
	salt := digestB64(883, 12)
	dynsec := func(h string) string {
		return "{\n\t\"clients\":\t[{\n\t\t\t\"username\":\t\"bob\",\n\t\t\t\"textName\":\t\"Dynsec admin user\",\n\t\t\t\"password\":\t\"" + h + "\",\n\t\t\t\"salt\":\t\"" + salt + "\",\n\t\t\t\"iterations\":\t101,\n\t\t\t\"roles\":\t[{\n\t\t\t\t\t\"rolename\":\t\"admin\"\n\t\t\t\t}]\n\t\t}]\n}\n"
	}
	r.write("docker/dynamic-security.json", dynsec(h1))
	r.write("docker/users.json", "{\n\t\"clients\":\t[{\n\t\t\t\"username\":\t\"bob\",\n\t\t\t\"password\":\t\""+plain+"\"\n\t\t}]\n}\n")
	r.commit("mq dynamic security")
	r.write("docker/dynamic-security.json", dynsec(h2))
	r.commit("rotate the admin hash")
	res := scanRepo(t, Options{Root: r.dir})
	for _, tc := range []struct {
		path, snippet string
		line          int
		note          bool
	}{
		{"docker/dynamic-security.json", "password", 0, true},
		{"docker/users.json", "password", 0, false},
	} {
		f := findingAt(t, res, tc.path, tc.snippet)
		if got := f.Level == finding.LevelNote; got != tc.note {
			t.Errorf("%s:%d: level %s, want note %v: %s", f.Location.Path, f.Location.StartLine, f.Level, tc.note, f.Message)
		}
	}
	notes := 0
	for _, f := range res.Findings {
		if f.Location.Path == "docker/dynamic-security.json" {
			if f.Level != finding.LevelNote || !strings.Contains(f.Message, "salted password hash") {
				t.Errorf("%s %s:%d: %s", f.Level, f.Location.Path, f.Location.StartLine, f.Message)
			}
			notes++
		}
	}
	if notes != 2 {
		dumpFindings(t, res)
		t.Errorf("%d findings in dynamic-security.json, want 2 (the first hash and the rotated one)", notes)
	}
	assertNoLeak(t, res, h1, h2, plain)
}
