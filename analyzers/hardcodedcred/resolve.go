package hardcodedcred

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/types/typeutil"
)

// origin is a string value that reaches a site: the literal it was
// written as, or, for a constant declared in another package, the use of
// that constant.
type origin struct {
	// lit is the string literal, or nil when only the constant value is
	// known (a constant of another package).
	lit   *ast.BasicLit
	node  ast.Node // what the report points at: lit, or the use
	value string
	// via is the const or var the value travelled through, if any; its
	// name names the environment variable of the fix.
	via types.Object
	// inConst is set when the literal is the value of a const
	// declaration, where os.Getenv cannot replace it.
	inConst bool
	// encoded is set when the literal reaches the site base64- or
	// hex-encoded (encodes): the site sees the encoding, the literal is
	// the plain text.
	encoded bool
}

// index holds, for one package, where each const and var gets its
// values: the def-use knowledge the resolver follows.
type index struct {
	info *types.Info
	// values maps a const or var to the expressions assigned to it:
	// declarations (const/var specs, :=) and plain assignments.
	values map[types.Object][]ast.Expr
	// constSpec marks expressions that are const declaration values.
	constSpec map[ast.Expr]bool
	// built marks vars whose value is also built or changed in ways the
	// resolver does not follow (s += "…", &s, s++), so that their
	// initial literal is not their value.
	built map[types.Object]bool
}

func newIndex(info *types.Info, files []*ast.File) *index {
	ix := &index{info: info, values: map[types.Object][]ast.Expr{}, constSpec: map[ast.Expr]bool{}, built: map[types.Object]bool{}}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GenDecl:
				if n.Tok != token.CONST && n.Tok != token.VAR {
					return true
				}
				for _, s := range n.Specs {
					vs := s.(*ast.ValueSpec)
					if len(vs.Names) != len(vs.Values) {
						// Implicitly repeated const specs (iota) and
						// multi-value calls carry no string literal.
						continue
					}
					for i, name := range vs.Names {
						if obj := info.Defs[name]; obj != nil {
							ix.values[obj] = append(ix.values[obj], vs.Values[i])
							if n.Tok == token.CONST {
								ix.constSpec[vs.Values[i]] = true
							}
						}
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					ix.markBuilt(n.X)
				}
			case *ast.IncDecStmt:
				ix.markBuilt(n.X)
			case *ast.AssignStmt:
				if n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
					for _, l := range n.Lhs {
						ix.markBuilt(l)
					}
					return true
				}
				if len(n.Lhs) != len(n.Rhs) {
					// v, err := f(): v's value comes from a call.
					for _, l := range n.Lhs {
						ix.markBuilt(l)
					}
					return true
				}
				for i, l := range n.Lhs {
					id, ok := ast.Unparen(l).(*ast.Ident)
					if !ok {
						continue
					}
					obj := info.Defs[id]
					if obj == nil {
						obj = info.Uses[id]
					}
					if v, ok := obj.(*types.Var); ok && !v.IsField() {
						ix.values[obj] = append(ix.values[obj], n.Rhs[i])
					}
				}
			}
			return true
		})
	}
	return ix
}

func (ix *index) markBuilt(e ast.Expr) {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if obj := ix.info.Uses[id]; obj != nil {
			ix.built[obj] = true
		} else if obj := ix.info.Defs[id]; obj != nil {
			ix.built[obj] = true
		}
	}
}

// maxDepth bounds how many steps (consts, vars, conversions,
// concatenations) the resolver follows from a site to a literal.
const maxDepth = 8

// resolve returns the string values that e may evaluate to and that were
// written as literals (or constants of other packages): e itself, the
// value of a const or var it names, the operand of a conversion, each
// side of a concatenation, or the arguments of fmt.Sprintf with a
// constant format. Values computed at run time (calls, parameters,
// fields) end the search: they are not hardcoded.
func (ix *index) resolve(e ast.Expr) []origin {
	return ix.resolve1(e, nil, false, 0, map[types.Object]bool{})
}

// encodes reports whether fn is a reversible text encoding of its one
// argument: base64's (*Encoding).EncodeToString and hex.EncodeToString.
func encodes(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Name() != "EncodeToString" {
		return false
	}
	switch fn.Pkg().Path() {
	case "encoding/base64", "encoding/hex", "encoding/base32":
		return true
	}
	return false
}

func (ix *index) resolve1(e ast.Expr, via types.Object, inConst bool, depth int, seen map[types.Object]bool) []origin {
	if depth > maxDepth || e == nil {
		return nil
	}
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return nil
		}
		s, err := strconv.Unquote(e.Value)
		if err != nil {
			return nil
		}
		return []origin{{lit: e, node: e, value: s, via: via, inConst: inConst || ix.constSpec[e]}}
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = e.(*ast.Ident)
		}
		obj := ix.info.Uses[id]
		if obj == nil || seen[obj] {
			return nil
		}
		// The fix names the environment variable after the const or var
		// whose declaration holds the literal: the last one passed.
		via = obj
		switch obj := obj.(type) {
		case *types.Const:
			defs, ok := ix.values[obj]
			if !ok {
				// A constant of another package: its value is known, its
				// literal is not in this package. Report at the use.
				if obj.Val().Kind() == constant.String {
					return []origin{{node: e, value: constant.StringVal(obj.Val()), via: via, inConst: true}}
				}
				return nil
			}
			seen[obj] = true
			var out []origin
			for _, d := range defs {
				out = append(out, ix.resolve1(d, via, true, depth+1, seen)...)
			}
			return out
		case *types.Var:
			if obj.IsField() || ix.built[obj] {
				return nil
			}
			seen[obj] = true
			var out []origin
			for _, d := range ix.values[obj] {
				out = append(out, ix.resolve1(d, via, inConst, depth+1, seen)...)
			}
			return out
		}
		return nil
	case *ast.CallExpr:
		if tv, ok := ix.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			// A conversion such as []byte("key") or Secret("key").
			return ix.resolve1(e.Args[0], via, inConst, depth+1, seen)
		}
		if fn, ok := typeutil.Callee(ix.info, e).(*types.Func); ok && encodes(fn) && len(e.Args) == 1 {
			// base64.StdEncoding.EncodeToString([]byte("user:pass"))
			// hides nothing: the encoded literal is as hardcoded as
			// the literal.
			out := ix.resolve1(e.Args[0], via, inConst, depth+1, seen)
			for i := range out {
				out[i].encoded = true
			}
			return out
		}
		if fn, ok := typeutil.Callee(ix.info, e).(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" &&
			(fn.Name() == "Sprintf" || fn.Name() == "Sprint") && len(e.Args) > 1 {
			// The format is not the secret; its operands may be. As
			// with a concatenation, the value is hardcoded only if
			// every operand is: in fmt.Sprintf("%s Credential=%s",
			// algo, key) the constant operand is the scheme, a label
			// beside the run-time credential.
			var out []origin
			start := 0
			if fn.Name() == "Sprintf" {
				start = 1
			}
			for _, a := range e.Args[start:] {
				o := ix.resolve1(a, via, inConst, depth+1, seen)
				if len(o) == 0 {
					return nil
				}
				out = append(out, o...)
			}
			return out
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			// A constant concatenation that spells an environment
			// variable's name (envNamespace + "PASSWORD", with
			// envNamespace = "BLUECATV2_") names where the credential
			// is read from, as a whole literal "BLUECATV2_PASSWORD"
			// would; its prefix alone ("RAGE4_") is no secret either.
			if tv, ok := ix.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String &&
				envNameRe.MatchString(constant.StringVal(tv.Value)) {
				return nil
			}
			// A concatenation is hardcoded only if both sides are: in
			// "sk-" + gen() + "AA" or prefix + os.Getenv("K") the literal
			// parts are fragments (prefixes, schemes, separators), not
			// the credential.
			x := ix.resolve1(e.X, via, inConst, depth+1, seen)
			if len(x) == 0 {
				return nil
			}
			y := ix.resolve1(e.Y, via, inConst, depth+1, seen)
			if len(y) == 0 {
				return nil
			}
			return append(x, y...)
		}
	}
	return nil
}
