package lint

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// FuzzParseIgnore feeds arbitrary comment text to the suppression-comment
// parser. It must not panic; what it accepts starts with the directive,
// names rules without spaces or commas, and has a trimmed reason; and a
// comment written back from what it read parses to the same.
func FuzzParseIgnore(f *testing.F) {
	for _, s := range []string{
		"//authvet:ignore plainhttp/url -- the test double only speaks HTTP",
		"// authvet:ignore plainhttp,tokenlog -- why",
		"/* authvet:ignore all -- generated */",
		"//authvet:ignore",
		"//authvet:ignored plainhttp -- not ours",
		"//authvet:ignore\tplainhttp --",
		"//authvet:ignore -- reason only",
		"//authvet:ignore a,,b , c -- x -- y",
		"//nolint:authvet",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rules, reason, ok := parseIgnore(text)
		if !ok {
			if rules != nil || reason != "" {
				t.Fatalf("not a directive, yet rules %q reason %q", rules, reason)
			}
			return
		}
		body := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(text, "//"), "/*"))
		if !strings.HasPrefix(body, ignoreDirective) {
			t.Fatalf("accepted %q, which does not start with the directive", text)
		}
		for _, r := range rules {
			if r == "" || strings.ContainsAny(r, ", \t\n\r\v\f") {
				t.Fatalf("rule %q from %q", r, text)
			}
		}
		if reason != strings.TrimSpace(reason) {
			t.Fatalf("reason %q is not trimmed", reason)
		}
		if len(rules) == 0 || reason == "" || strings.Contains(reason, "*/") {
			return
		}
		again := "//" + ignoreDirective + " " + strings.Join(rules, ",") + " -- " + reason
		rules2, reason2, ok2 := parseIgnore(again)
		if !ok2 || strings.Join(rules2, ",") != strings.Join(rules, ",") || reason2 != reason {
			t.Fatalf("%q read back from %q as %q %q %v", again, text, rules2, reason2, ok2)
		}
	})
}

// FuzzFileIgnores puts fuzzed comments in a Go file and collects its
// suppression comments: no panic, and every one is placed on a line of
// the file.
func FuzzFileIgnores(f *testing.F) {
	f.Add("//authvet:ignore plainhttp -- why\nvar x = 1 //authvet:ignore tokenlog\n")
	f.Add("/* authvet:ignore all -- generated\n*/\n")
	f.Fuzz(func(t *testing.T, body string) {
		src := "package p\n\n" + body + "\n"
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
		if err != nil {
			return
		}
		lines := strings.Count(src, "\n") + 1
		for _, ig := range fileIgnores(fset, file) {
			if ig.line < 1 || ig.line > lines || ig.column < 1 {
				t.Fatalf("ignore at %d:%d in a %d-line file", ig.line, ig.column, lines)
			}
		}
	})
}
