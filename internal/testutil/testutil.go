// Package testutil holds helpers shared by authvet's tests: the SARIF
// schema validator and the location of the shared fixtures.
package testutil

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// RepoRoot returns the directory holding authvet's go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && bytes.Contains(data, []byte("module github.com/authvet/authvet\n")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("cannot find authvet's go.mod above the test directory")
		}
		dir = parent
	}
}

// SharedDir returns ../shared beside the repository, where CI puts the
// GitHub fixtures. A test that needs a file from it and finds it missing
// is skipped with a message naming the file, so that the test suite
// passes in a fresh clone; tests should prefer a copy under testdata/.
func SharedDir(t testing.TB, file string) string {
	t.Helper()
	d := filepath.Join(filepath.Dir(RepoRoot(t)), "shared")
	if _, err := os.Stat(filepath.Join(d, filepath.FromSlash(file))); err != nil {
		t.Skipf("skipped: needs ../shared/%s beside the repository, which is missing (%v)", file, err)
	}
	return d
}

// SchemaPath is the repository's copy of the SARIF 2.1.0 schema (the one
// GitHub's upload validates with, as in ../shared/sarif), carried so that
// SARIF tests run in a fresh clone.
const SchemaPath = "internal/testutil/testdata/sarif-schema-2.1.0.json"

var (
	schemaMu sync.Mutex
	schema   *jsonschema.Schema
)

// loadSchema compiles the SARIF schema once. It is not a sync.Once: a
// failure is returned to every caller, never left behind as a nil schema.
func loadSchema(root string) (*jsonschema.Schema, error) {
	schemaMu.Lock()
	defer schemaMu.Unlock()
	if schema != nil {
		return schema, nil
	}
	path := filepath.Join(root, filepath.FromSlash(SchemaPath))
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the SARIF schema: %w", err)
	}
	defer f.Close()
	sdoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	fixMisplacedAnyOf(sdoc)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", sdoc); err != nil {
		return nil, fmt.Errorf("loading %s: %w", path, err)
	}
	s, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		return nil, fmt.Errorf("compiling %s: %w", path, err)
	}
	schema = s
	return schema, nil
}

// ValidateSARIF validates a SARIF document against the SARIF 2.1.0 schema
// (the repository's copy of the one GitHub's upload validates with), with
// format assertions on.
func ValidateSARIF(t testing.TB, doc []byte) {
	t.Helper()
	if err := SARIFError(t, doc); err != nil {
		t.Fatal(err)
	}
}

// SARIFError returns why doc does not validate against the SARIF 2.1.0
// schema, or nil.
func SARIFError(t testing.TB, doc []byte) error {
	t.Helper()
	sch, err := loadSchema(RepoRoot(t))
	if err != nil {
		t.Fatalf("SARIF schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("SARIF output is not JSON: %w", err)
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("SARIF output does not validate against the 2.1.0 schema:\n%v", err)
	}
	return nil
}

// fixMisplacedAnyOf repairs the one spot where the shared schema is not a
// valid 2020-12 schema: region's "anyOf" (a region must have startLine,
// charOffset or byteOffset) sits inside "properties", where a validator
// reads it as the schema of a property named anyOf and rejects the whole
// schema. The upstream SARIF schema has it beside "properties"; moving it
// there makes validation stricter, never looser.
func fixMisplacedAnyOf(doc any) {
	root, _ := doc.(map[string]any)
	defs, _ := root["definitions"].(map[string]any)
	for _, d := range defs {
		def, _ := d.(map[string]any)
		props, _ := def["properties"].(map[string]any)
		if anyOf, ok := props["anyOf"].([]any); ok {
			delete(props, "anyOf")
			def["anyOf"] = anyOf
		}
	}
}
