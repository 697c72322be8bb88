package hardcodedcred

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/importedit"
)

// fix builds the suggested fix of a candidate: the literal becomes
// os.Getenv("NAME"), NAME derived from the variable, field, parameter or
// header it is stored in (clientSecret → CLIENT_SECRET), and "os" is
// imported if needed.
//
// No fix is offered when the literal is the value of a const (os.Getenv
// is not a constant expression, and turning the const into a var would
// break constant expressions, case labels and typed-constant
// conversions that use it), when the literal's type is not string (a
// named string type would need a conversion the fix cannot name safely),
// when the credential is only part of the literal (URLs, PEM blocks in
// larger text), or when "os" is shadowed where the literal is.
func (c *checker) fix(cd *cand, files []*ast.File) (analysis.SuggestedFix, bool) {
	o := cd.o
	if cd.noFix || o.lit == nil || o.inConst {
		return analysis.SuggestedFix{}, false
	}
	if tv, ok := c.pass.TypesInfo.Types[o.lit]; ok {
		b, isBasic := tv.Type.(*types.Basic)
		if !isBasic || (b.Kind() != types.String && b.Kind() != types.UntypedString) {
			return analysis.SuggestedFix{}, false
		}
	}
	full, err := strconv.Unquote(o.lit.Value)
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	// The literal must be the credential itself, or a scheme followed by it.
	if strings.TrimSpace(full) != strings.TrimSpace(cd.scheme+o.value) {
		return analysis.SuggestedFix{}, false
	}
	file := fileOf(files, o.lit.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	osName, edits, ok := c.osImport(file, o.lit.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	env := envName(cd.envName)
	call := fmt.Sprintf("%s.Getenv(%q)", osName, env)
	if cd.scheme != "" {
		call = strconv.Quote(cd.scheme) + " + " + call
	}
	edits = append([]analysis.TextEdit{{Pos: o.lit.Pos(), End: o.lit.End(), NewText: []byte(call)}}, edits...)
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("read the credential from the environment variable %s", env),
		TextEdits: edits,
	}, true
}

// envName turns a Go or header name into an environment variable name:
// clientSecret → CLIENT_SECRET, X-API-Key → API_KEY.
func envName(name string) string {
	w := credname.Words(name)
	if len(w) > 1 && w[0] == "x" {
		// X-API-Key → API_KEY: the X- prefix of custom headers is noise.
		w = w[1:]
	}
	if len(w) == 0 {
		return "SECRET"
	}
	return strings.ToUpper(strings.Join(w, "_"))
}

func fileOf(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// osImport returns the name under which package os is visible at pos,
// and the edits that import it if the file does not.
func (c *checker) osImport(f *ast.File, pos token.Pos) (string, []analysis.TextEdit, bool) {
	for _, imp := range f.Imports {
		if imp.Path.Value != `"os"` {
			continue
		}
		name := "os"
		if imp.Name != nil {
			name = imp.Name.Name
			if name == "_" || name == "." {
				continue
			}
		}
		return name, nil, c.visibleAs(pos, name, true)
	}
	if !c.visibleAs(pos, "os", false) {
		return "", nil, false
	}
	// Insert "os" where goimports would.
	return "os", []analysis.TextEdit{importedit.Add(f, "os")}, true
}

// visibleAs reports whether name at pos resolves to the os package
// (imported) or to nothing (not imported), so that the fix's "os" is the
// os package.
func (c *checker) visibleAs(pos token.Pos, name string, imported bool) bool {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	if !imported {
		return obj == nil
	}
	pn, ok := obj.(*types.PkgName)
	return ok && pn.Imported().Path() == "os"
}
