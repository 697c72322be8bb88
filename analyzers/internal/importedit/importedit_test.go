package importedit

import (
	"go/format"
	"go/parser"
	"go/token"
	"testing"
)

// TestAdd applies the edit to files of every shape and checks the result
// is what goimports would write, and gofmt-clean.
func TestAdd(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"package p\n\nfunc f() {}\n", "package p\n\nimport \"crypto/subtle\"\n\nfunc f() {}\n"},
		{"package p\n\nimport \"net/http\"\n\nvar _ http.Handler\n", "package p\n\nimport (\n\t\"crypto/subtle\"\n\t\"net/http\"\n)\n\nvar _ http.Handler\n"},
		{"package p\n\nimport \"bytes\"\n\nvar _ bytes.Buffer\n", "package p\n\nimport (\n\t\"bytes\"\n\t\"crypto/subtle\"\n)\n\nvar _ bytes.Buffer\n"},
		{"package p\n\nimport h \"example.com/http\"\n\nvar _ h.T\n", "package p\n\nimport (\n\t\"crypto/subtle\"\n\n\th \"example.com/http\"\n)\n\nvar _ h.T\n"},
		{"package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n", "package p\n\nimport (\n\t\"crypto/subtle\"\n\t\"fmt\"\n\t\"net/http\"\n)\n"},
		{"package p\n\nimport (\n\t\"bytes\"\n\t\"fmt\"\n\n\t\"example.com/x\"\n)\n", "package p\n\nimport (\n\t\"bytes\"\n\t\"crypto/subtle\"\n\t\"fmt\"\n\n\t\"example.com/x\"\n)\n"},
		{"package p\n\nimport (\n\t\"example.com/x\"\n)\n", "package p\n\nimport (\n\t\"crypto/subtle\"\n\t\"example.com/x\"\n)\n"},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", tc.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		e := Add(f, "crypto/subtle")
		tf := fset.File(f.Pos())
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		got := tc.src[:start] + string(e.NewText) + tc.src[end:]
		if got != tc.want {
			t.Errorf("Add to\n%s\ngot\n%s\nwant\n%s", tc.src, got, tc.want)
		}
		if _, err := parser.ParseFile(token.NewFileSet(), "p.go", got, 0); err != nil {
			t.Errorf("result does not parse: %v\n%s", err, got)
		}
		if fmted, err := format.Source([]byte(got)); err == nil && string(fmted) != got && tc.src == string(mustFormat(t, tc.src)) {
			t.Errorf("result is not gofmt-clean:\n%s", got)
		}
	}
}

func mustFormat(t *testing.T, src string) []byte {
	b, err := format.Source([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
