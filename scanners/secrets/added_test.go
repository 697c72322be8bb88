package secrets

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseRaw(t *testing.T) {
	z := strings.Repeat("0", 40)
	a, b, c := strings.Repeat("a", 40), strings.Repeat("b", 40), strings.Repeat("c", 40)
	hdr := func(sha string) string {
		return "\x1e" + sha + "\x1fAda\x1fada@example.com\x1f2021-01-02T00:00:00Z\x1f1609545600\x1fsubject\x00"
	}
	out := hdr(a) + "\n" +
		":000000 100644 " + z + " " + b + " A\x00new dir/new.go\x00" +
		":100644 100644 " + b + " " + c + " R090\x00old.go\x00moved.go\x00" + // a rename: a patch, not an addition
		":000000 160000 " + z + " " + c + " A\x00vendor/sub\x00" + // a submodule: no blob
		hdr(b) + // a commit that adds nothing (a merge)
		hdr(c) + "\n" +
		":000000 100644 " + z + " " + a + " A\x00last.go\x00"
	var got []string
	emit := func(rc *rawCommit) {
		for _, ch := range rc.changes {
			got = append(got, rc.info.SHA[:1]+" "+ch.id[:1]+" "+ch.path)
		}
		if len(rc.changes) == 0 {
			got = append(got, rc.info.SHA[:1]+" -")
		}
	}
	last, err := parseRaw(strings.NewReader(out), emit)
	if err != nil {
		t.Fatal(err)
	}
	emit(last)
	want := []string{"a b new dir/new.go", "b -", "c a last.go"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
