package gitleaksrules

import (
	"reflect"
	"testing"
)

// Rules reads the default config without compiling it; its metadata must
// be what the compiled set gives, rule for rule.
func TestRulesWithoutCompiling(t *testing.T) {
	light := Rules()
	compiled := Default().Rules()
	if len(light) == 0 {
		t.Fatal("no rules read from the default config")
	}
	if !reflect.DeepEqual(light, compiled) {
		t.Fatalf("Rules() differs from Default().Rules(): %d rules against %d", len(light), len(compiled))
	}
}
