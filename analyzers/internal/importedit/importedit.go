// Package importedit makes the text edit a suggested fix needs to import
// a standard-library package into a file that does not import it yet.
package importedit

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Add returns the edit importing path into f where goimports would put
// it: in sorted place among the standard-library imports of the first
// import declaration (after a single import written without
// parentheses), or after the package clause when f imports nothing.
func Add(f *ast.File, path string) analysis.TextEdit {
	line := strconv.Quote(path)
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() && len(gd.Specs) == 1 {
			// import "net/http" becomes a block of both.
			spec := gd.Specs[0].(*ast.ImportSpec)
			old := spec.Path.Value
			if spec.Name != nil {
				old = spec.Name.Name + " " + old
			}
			p, _ := strconv.Unquote(spec.Path.Value)
			var text string
			switch {
			case !stdlib(p):
				text = "import (\n\t" + line + "\n\n\t" + old + "\n)"
			case p < path:
				text = "import (\n\t" + old + "\n\t" + line + "\n)"
			default:
				text = "import (\n\t" + line + "\n\t" + old + "\n)"
			}
			return analysis.TextEdit{Pos: gd.Pos(), End: gd.End(), NewText: []byte(text)}
		}
		var after ast.Spec
		for _, s := range gd.Specs {
			p, _ := strconv.Unquote(s.(*ast.ImportSpec).Path.Value)
			if !stdlib(p) || p > path {
				break
			}
			after = s
		}
		if after == nil {
			return analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + line)}
		}
		return analysis.TextEdit{Pos: after.End(), End: after.End(), NewText: []byte("\n\t" + line)}
	}
	return analysis.TextEdit{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte("\n\nimport " + line)}
}

// stdlib reports whether an import path is the standard library's: no
// dot in its first element.
func stdlib(p string) bool {
	return !strings.Contains(strings.SplitN(p, "/", 2)[0], ".")
}
