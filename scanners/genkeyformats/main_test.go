package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The generated rules are those of the gitleaks module in go.mod: after a
// gitleaks upgrade (or a change to authvet's rule descriptions or
// providers), run go generate in analyzers/internal/keyformats.
func TestGeneratedFileUpToDate(t *testing.T) {
	path := filepath.Join("..", "..", "analyzers", "internal", "keyformats", "rules_gen.go")
	have, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, want) {
		t.Errorf("%s is stale: run `go generate ./analyzers/internal/keyformats`", path)
	}
}
