package config_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/authvet/authvet/analyzers/suite"
	"github.com/authvet/authvet/internal/config"
)

const schemaPath = "../../schema/authvet.schema.json"

// TestSchemaUpToDate checks that the checked-in schema is what the
// generator makes from today's analyzers and rules; go test -update
// rewrites it.
func TestSchemaUpToDate(t *testing.T) {
	got, err := config.Schema(known())
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(schemaPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/config -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale; run go test ./internal/config -update", schemaPath)
	}
}

// TestSchemaHasEveryFlag checks that each analyzer flag is a property of
// its analyzer's section, found by walking the checked-in file.
func TestSchemaHasEveryFlag(t *testing.T) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties map[string]struct {
			Properties map[string]json.RawMessage
		}
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range suite.Analyzers() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			n++
			if _, ok := s.Properties[a.Name].Properties[f.Name]; !ok {
				t.Errorf("schema lacks %s.%s", a.Name, f.Name)
			}
		})
	}
	if n == 0 {
		t.Fatal("the analyzers have no flags at all")
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("authvet.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("authvet.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSchemaAgreesWithLoader runs every example file through both the
// loader and the schema: both must accept testdata/valid and both must
// reject testdata/invalid. (testdata/errors holds what only the loader
// can judge: pattern syntax, YAML aliases, duplicate keys, several
// documents.)
func TestSchemaAgreesWithLoader(t *testing.T) {
	s := compileSchema(t)
	k := known()
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.yml"))
		if len(files) == 0 {
			t.Fatalf("no examples in testdata/%s", dir)
		}
		for _, path := range files {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, loadErr := config.Parse(data, path, "/repo", k)
			var doc any
			if err := yaml.Unmarshal(data, &doc); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			// The schema sees the document as JSON, the way an editor's
			// YAML language server does.
			js, err := json.Marshal(doc)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
			if err != nil {
				t.Fatal(err)
			}
			schemaErr := s.Validate(inst)
			wantOK := dir == "valid"
			if (loadErr == nil) != wantOK {
				t.Errorf("loader on %s: err = %v, want ok = %v", path, loadErr, wantOK)
			}
			if (schemaErr == nil) != wantOK {
				t.Errorf("schema on %s: err = %v, want ok = %v", path, firstLine(schemaErr), wantOK)
			}
		}
	}
}

func firstLine(err error) string {
	if err == nil {
		return "<nil>"
	}
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
