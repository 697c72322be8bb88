package credexposure

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// cookieFix adds the missing flags to the cookie's literal, when the
// literal is the only place the flags could be set.
func cookieFix(pass *analysis.Pass, sh *shape) (analysis.SuggestedFix, bool) {
	lit := sh.lit
	if lit == nil || sh.flagStores > 0 || len(lit.Elts) == 0 {
		return analysis.SuggestedFix{}, false
	}
	has := map[string]bool{}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			has[id.Name] = true
		}
	}
	var add []string
	if sh.flags.Secure == unset && !has["Secure"] {
		add = append(add, "Secure: true")
	}
	httpOnly := "HttpOnly"
	if !isNamed(pass.TypesInfo.TypeOf(lit), "net/http", "Cookie") {
		httpOnly = "HTTPOnly" // fiber's spelling
	}
	if sh.flags.HTTPOnly == unset && !has[httpOnly] {
		add = append(add, httpOnly+": true")
	}
	if len(add) == 0 || sh.flags.Secure == no || sh.flags.HTTPOnly == no {
		// A flag set to false on purpose is the author's call to undo.
		return analysis.SuggestedFix{}, false
	}
	last := lit.Elts[len(lit.Elts)-1]
	fset := pass.Fset
	var edit analysis.TextEdit
	if fset.Position(last.End()).Line == fset.Position(lit.Rbrace).Line {
		edit = analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + strings.Join(add, ", "))}
	} else {
		indent := strings.Repeat("\t", fset.Position(last.Pos()).Column-1)
		edit = analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(",\n" + indent + strings.Join(add, ",\n"+indent))}
	}
	return analysis.SuggestedFix{
		Message:   "set " + strings.Join(add, " and "),
		TextEdits: []analysis.TextEdit{edit},
	}, true
}
