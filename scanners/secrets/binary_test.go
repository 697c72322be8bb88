package secrets

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/authvet/authvet/scanners/gitleaksrules"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestBinaryRunsSameHits: on binary data holding keys of several formats
// at random places, scanning only the printable runs finds what scanning
// every byte finds, at the same offsets.
func TestBinaryRunsSameHits(t *testing.T) {
	set := gitleaksrules.Default()
	rng := rand.New(rand.NewPCG(7, 11))
	garbage := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		b[0] = 0 // binary by isBinary
		return string(b)
	}
	for i := range 40 {
		keys := []string{
			testkeys.GitHub(uint64(100 + i)), testkeys.AWS(uint64(200 + i)),
			testkeys.Stripe(uint64(300 + i)), testkeys.Slack(uint64(400 + i)),
			testkeys.PrivateKey(uint64(500 + i)),
		}
		var b strings.Builder
		b.WriteString(garbage(1 + rng.IntN(3000)))
		for _, k := range keys {
			// keys as lines of a text format stored in a binary
			b.WriteString("\x00" + k + "\n\x00")
			b.WriteString(garbage(1 + rng.IntN(3000)))
		}
		f := fileFragment("blob.dat", []byte(b.String()))
		if !f.binary {
			t.Fatal("fixture is not binary")
		}
		raw := set.Detect(context.Background(), gitleaksrules.Fragment{Text: f.text, Path: f.path})
		got := detectFragment(context.Background(), set, &f, "")
		key := func(hs []gitleaksrules.Hit) []string {
			var out []string
			for _, h := range hs {
				if gitleaksrules.IsGeneric(h.RuleID) {
					continue // dropped on binary data by the caller
				}
				if f.text[h.Start:h.End] != h.Secret {
					t.Errorf("%s: offsets %d..%d do not hold the secret", h.RuleID, h.Start, h.End)
				}
				out = append(out, h.RuleID+"@"+strconv.Itoa(h.Start)+"-"+strconv.Itoa(h.End))
			}
			slices.Sort(out)
			return out
		}
		want, have := key(raw), key(got)
		if len(want) < len(keys) {
			t.Fatalf("blob %d: the raw scan found %d of %d keys: %v", i, len(want), len(keys), want)
		}
		if !slices.Equal(want, have) {
			t.Errorf("blob %d:\nraw bytes: %v\nruns:      %v", i, want, have)
		}
	}
}

// TestBinaryRunsMapping: offsets in the joined runs map back to the file,
// and runs shorter than the minimum are left out.
func TestBinaryRunsMapping(t *testing.T) {
	data := "\x00\x01abcdefgh\x00xy\x00\xffLONGRUN-1234\x02"
	text, m := printableRuns(data, 8)
	if text != "abcdefgh\nLONGRUN-1234" {
		t.Fatalf("joined = %q", text)
	}
	for j := range len(text) {
		if text[j] == '\n' {
			continue
		}
		if r := m.raw(j); data[r] != text[j] {
			t.Errorf("offset %d maps to %d: %q, want %q", j, r, data[r], text[j])
		}
	}
	if r := m.raw(len(text)); r != len(data)-1 {
		t.Errorf("end maps to %d, want %d", r, len(data)-1)
	}
}

// TestBinaryRunsSkipAhead: the skipping reader finds the same runs as a
// byte-by-byte one, on random bytes with runs of every length around the
// minimum, at both ends of the data.
func TestBinaryRunsSkipAhead(t *testing.T) {
	simple := func(data string, minRun int) (runs []string, at []int) {
		for i := 0; i < len(data); {
			if !printableByte(data[i]) {
				i++
				continue
			}
			j := i
			for j < len(data) && printableByte(data[j]) {
				j++
			}
			if j-i >= minRun {
				runs, at = append(runs, data[i:j]), append(at, i)
			}
			i = j
		}
		return runs, at
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 3000 {
		minRun := 1 + n%20
		b := make([]byte, rng.IntN(300))
		for i := range b {
			switch rng.IntN(4) {
			case 0:
				b[i] = byte(rng.IntN(256))
			case 1:
				b[i] = 0
			default:
				b[i] = byte('a' + rng.IntN(26))
			}
		}
		data := string(b)
		wantRuns, wantAt := simple(data, minRun)
		text, m := printableRuns(data, minRun)
		if want := strings.Join(wantRuns, "\n"); text != want || !slices.Equal(m.rawAt, wantAt) {
			t.Fatalf("minRun %d on %q:\ngot  %q at %v\nwant %q at %v", minRun, data, text, m.rawAt, want, wantAt)
		}
	}
}

// TestBinaryPathRule: a rule that matches a file by its name fires on a
// binary file with no printable run at all.
func TestBinaryPathRule(t *testing.T) {
	f := fileFragment("certs/client.p12", []byte("\x30\x82\x00\x01\xff\xfe\x00\x80"))
	hits := detectFragment(context.Background(), gitleaksrules.Default(), &f, "")
	if len(hits) != 1 || !hits[0].PathOnly {
		t.Errorf("hits = %+v, want one path-only hit", hits)
	}
}

// TestBinaryRunsShortRule: the minimum follows the rule set, so a custom
// rule shorter than any default one still finds its match in a binary
// file.
func TestBinaryRunsShortRule(t *testing.T) {
	p := filepath.Join(t.TempDir(), "gitleaks.toml")
	cfg := "[[rules]]\nid = \"pin\"\ndescription = \"short pin\"\nregex = '''PIN[0-9]{4}'''\nkeywords = [\"pin\"]\n"
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := gitleaksrules.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := set.MinMatch(); got != 7 {
		t.Errorf("MinMatch = %d, want 7", got)
	}
	f := fileFragment("x.dat", []byte("\x00\x01\x02PIN1234\x00\x03"))
	hits := detectFragment(context.Background(), set, &f, "")
	if len(hits) != 1 || f.text[hits[0].Start:hits[0].End] != "PIN1234" {
		t.Errorf("hits = %+v", hits)
	}
	if d := gitleaksrules.Default().MinMatch(); d < 8 {
		t.Errorf("default MinMatch = %d: a bound this low keeps noise runs", d)
	}
}

// TestNamedFileStatus: a file found by its name alone (a PKCS#12
// keystore) is present at the tip while a file of that name is there,
// changed or not since it was found, and only in history once deleted.
// Cold and from the cache alike.
func TestNamedFileStatus(t *testing.T) {
	r := newRepo(t)
	keystore := "\x30\x82\x00\x01\xff\xfe\x00\x80"
	r.write("certs/client.p12", keystore)
	r.write("certs/old.p12", keystore+"\x01")
	r.write("certs/rotated.p12", keystore+"\x02")
	r.commit("keystores")
	r.git("rm", "-q", "certs/old.p12")
	r.write("certs/rotated.p12", keystore+"\x03")
	r.commit("drop old, rotate one")

	cache := t.TempDir()
	for _, run := range []string{"cold", "warm"} {
		res := scanRepo(t, Options{Root: r.dir, CacheDir: cache})
		for path, want := range map[string]string{
			"certs/client.p12":  StatusPresent,
			"certs/rotated.p12": StatusPresent,
			"certs/old.p12":     StatusHistory,
		} {
			f := findByPath(res, path)
			if f == nil {
				dumpFindings(t, res)
				t.Fatalf("%s: no finding for %s", run, path)
			}
			if got := prop(f, "status"); got != want {
				t.Errorf("%s: %s is %v (%s), want %s", run, path, got, f.Message, want)
			}
		}
	}
}
