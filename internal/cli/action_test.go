package cli

import (
	"reflect"
	"testing"
)

func TestSplitArgs(t *testing.T) {
	for in, want := range map[string][]string{
		"":                                  nil,
		"  --disable scopecheck  -q ":       {"--disable", "scopecheck", "-q"},
		`--plainhttp.allow-hosts='a b,c' x`: {"--plainhttp.allow-hosts=a b,c", "x"},
		`"say \"hi\" \$HOME" a\ b`:          {`say "hi" $HOME`, "a b"},
		`'' x`:                              {"", "x"},
	} {
		got, err := splitArgs(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("splitArgs(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := splitArgs(`--x 'open`); err == nil {
		t.Error("unterminated quote: want an error")
	}
}

func TestReadActionInputs(t *testing.T) {
	env := map[string]string{"INPUT_HISTORY": "sometimes"}
	if _, err := readActionInputs(func(k string) string { return env[k] }); err == nil {
		t.Error("history sometimes: want a usage error")
	}
	env = map[string]string{"INPUT_ARGS": "--disable x --fail-on=error"}
	if _, err := readActionInputs(func(k string) string { return env[k] }); err == nil {
		t.Error("--fail-on in args: want a usage error naming the input")
	}
	env = map[string]string{"INPUT_FAIL_ON": "error", "INPUT_ANNOTATIONS": "false", "INPUT_ARGS": "--include-tests"}
	in, err := readActionInputs(func(k string) string { return env[k] })
	if err != nil || in.path != "." || in.sarifFile != "authvet.sarif" || in.history != "pr" || in.annotations || in.failLevel != "error" || len(in.args) != 1 {
		t.Errorf("inputs = %+v, %v", in, err)
	}
}
