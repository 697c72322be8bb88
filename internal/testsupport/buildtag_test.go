package testsupport

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestBuildConstraint(t *testing.T) {
	for _, tc := range []struct {
		name, header string
		want         bool
	}{
		// Built only under a test tag.
		{"e2etest", "//go:build e2etest\n", true},
		{"integration", "//go:build integration\n", true},
		{"testing", "//go:build testing\n", true},
		{"e2e", "//go:build e2e\n", true},
		{"mock", "//go:build mock\n", true},
		{"e2e_test word", "//go:build e2e_test\n", true},
		{"integration_tests word", "//go:build integration_tests\n", true},
		{"apitest", "//go:build apitest\n", true},
		{"and another tag", "//go:build integration && linux\n", true},
		{"either test tag", "//go:build e2e || integration\n", true},
		{"license header first", "// Copyright 2024 The Authors.\n// SPDX-License-Identifier: MIT\n\n//go:build e2etest\n", true},
		{"block comment first", "/*\n Copyright 2024.\n*/\n\n//go:build e2e\n", true},
		{"plus build only", "// +build integration\n", true},
		{"go:build decides over +build", "//go:build integration\n// +build integration\n", true},
		// Near misses: built outside the test build too.
		{"platform", "//go:build linux\n", false},
		{"negated", "//go:build !e2e\n", false},
		{"negated integration", "//go:build !integration && !testing\n", false},
		{"or a platform", "//go:build e2e || linux\n", false},
		{"latest contains the letters", "//go:build latest\n", false},
		{"attest", "//go:build attest\n", false},
		{"testnet", "//go:build testnet\n", false},
		{"mockingbird", "//go:build mockingbird\n", false},
		{"contest_mode", "//go:build contest_mode\n", false},
		{"no constraint", "// Package x does y.\n", false},
		{"after the package clause", "\npackage x\n\n//go:build e2e\n", false},
		{"a comment mentioning the tag", "// Run with -tags e2e.\n", false},
		{"unparsable", "//go:build e2e &&\n", false},
	} {
		src := tc.header
		if !strings.Contains(src, "package x") {
			src += "\npackage x\n\nvar V = 1\n"
		}
		why, got := BuildConstraint([]byte(src))
		if got != tc.want {
			t.Errorf("%s: BuildConstraint = %v (%s), want %v", tc.name, got, why, tc.want)
		}
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.ParseComments)
		if err != nil {
			if !tc.want {
				continue
			}
			t.Fatalf("%s: %v", tc.name, err)
		}
		if _, fgot := FileConstraint(f); fgot != tc.want {
			t.Errorf("%s: FileConstraint = %v, want %v", tc.name, fgot, tc.want)
		}
	}
}

func TestTestTag(t *testing.T) {
	for tag, want := range map[string]bool{
		"e2e": true, "e2etest": true, "integration": true, "testing": true, "test": true,
		"mock": true, "unit": true, "acceptance": true, "integration_test": true, "e2e-tests": true,
		"linux": false, "latest": false, "attest": false, "contest": false, "testnet": false,
		"mockingbird": false, "stub": false, "cgo": false, "manifest": false, "protest": false,
	} {
		if got := TestTag(tag); got != want {
			t.Errorf("TestTag(%q) = %v, want %v", tag, got, want)
		}
	}
}

// TestIndexBuildConstraint: a file built only under a test tag is test
// support for the analyzers' index too, whatever its path; a file under
// a platform tag in the same package is not.
func TestIndexBuildConstraint(t *testing.T) {
	fset := token.NewFileSet()
	src := map[string]string{
		"/src/service/e2etest_service.go": "//go:build e2etest\n\npackage service\n\nvar Key = \"k\"\n",
		"/src/service/service_linux.go":   "//go:build linux\n\npackage service\n\nvar Key2 = \"k\"\n",
		"/src/service/service_prod.go":    "//go:build !e2etest\n\npackage service\n\nvar Key3 = \"k\"\n",
	}
	want := map[string]bool{"/src/service/e2etest_service.go": true}
	for name, s := range src {
		f, err := parser.ParseFile(fset, name, s, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		ix := New(fset, "example.com/service", []*ast.File{f}, nil)
		why, got := ix.At(f.Decls[0].Pos())
		if got != want[name] {
			t.Errorf("%s: At = %v (%s), want %v", name, got, why, want[name])
		}
	}
}
