package testutil

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSchemaCopyMatchesShared keeps the carried schema in step with the
// one in ../shared, when that is checked out beside the repository.
func TestSchemaCopyMatchesShared(t *testing.T) {
	shared := filepath.Join(SharedDir(t, "sarif/sarif-schema-2.1.0.json"), "sarif", "sarif-schema-2.1.0.json")
	want, err := os.ReadFile(shared)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(RepoRoot(t), filepath.FromSlash(SchemaPath)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s: copy it again", SchemaPath, shared)
	}
}

// TestValidatorWorksTwice is the regression test for a nil-pointer panic:
// a failed first load left a nil schema behind for every later call.
func TestValidatorWorksTwice(t *testing.T) {
	doc := []byte(`{"version":"2.1.0","runs":[]}`)
	for i := 0; i < 2; i++ {
		if err := SARIFError(t, doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := SARIFError(t, []byte(`{"version":"9"}`)); err == nil {
		t.Error("an invalid document validated")
	}
}
