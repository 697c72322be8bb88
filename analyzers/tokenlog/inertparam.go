package tokenlog

import (
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/astparent"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// A parameter's name is evidence of what a value is only if the function
// uses the parameter as what its name says. sentfields.go takes a field
// passed for a credential-named parameter as a credential field; when the
// callee is the package's own, its body is there to check, and some only
// record the value: gorush's logPush(cfg, status, token string, …) puts
// its token (a push topic at one call) into a log entry, nightingale's
// doSendAndRecord(ctx, url, token string, …) hands its token (a
// callback URL) on as a notification record's target.
//
// Rule: parameter j of a function declared with a body in the package
// is inert when every use of it in the body only records it: a value of
// a composite literal or of an assignment to a struct field the package
// never hands over as a credential (handed, the first pass of
// sentFields); or an argument for a parameter that is inert in turn
// (a function of the package, at most maxInertDepth calls deep), or
// that is not named as a credential in a function of another package
// that returns no text (a logger, a record constructor) and sets no
// header. Any other use (a comparison, a map index, a return, a copy
// to a local, a header, a credential parameter of a library, a string
// operation whose result goes on) is a real one. A parameter of a
// function outside the package, an interface method or a function
// value is judged by its name, as before.

// maxInertDepth bounds how deep inert follows a parameter through the
// package's own calls; deeper is a use.
const maxInertDepth = 4

// inertParams answers inert for one package.
type inertParams struct {
	info   *types.Info
	decls  map[*types.Func]*ast.FuncDecl
	handed map[*types.Var]bool
	memo   map[inertKey]bool
}

type inertKey struct {
	fn *types.Func
	j  int
}

// inertParams returns the package's inertParams, built on first use
// with the fields the package hands over (st.sent).
func (st *pkgState) inertParams() *inertParams {
	if st.inert == nil {
		handed := make(map[*types.Var]bool, len(st.sent))
		for f := range st.sent {
			handed[f] = true
		}
		st.inert = newInertParams(st.pass, handed)
	}
	return st.inert
}

func newInertParams(pass *analysis.Pass, handed map[*types.Var]bool) *inertParams {
	ip := &inertParams{info: pass.TypesInfo, decls: map[*types.Func]*ast.FuncDecl{}, handed: handed, memo: map[inertKey]bool{}}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					ip.decls[fn] = fd
				}
			}
		}
	}
	return ip
}

// inert reports whether parameter j (receiver excluded) of fn only
// records its value.
func (ip *inertParams) inert(fn *types.Func, j int) bool {
	return ip.inertAt(fn, j, 0)
}

func (ip *inertParams) inertAt(fn *types.Func, j, depth int) bool {
	fd := ip.decls[fn]
	if fd == nil || depth > maxInertDepth {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if j >= sig.Params().Len() || sig.Variadic() && j == sig.Params().Len()-1 {
		return false
	}
	k := inertKey{fn, j}
	if v, ok := ip.memo[k]; ok {
		return v
	}
	ip.memo[k] = true // a recursive call records what the outer one does
	p := sig.Params().At(j)
	ok := p.Name() != "" && p.Name() != "_" && ip.usesOnlyRecord(fd, p, depth)
	ip.memo[k] = ok
	return ok
}

// usesOnlyRecord reports whether every use of p in fd's body records it.
func (ip *inertParams) usesOnlyRecord(fd *ast.FuncDecl, p *types.Var, depth int) bool {
	parents := map[ast.Node]ast.Node{}
	var uses []*ast.Ident
	astparent.Record(fd.Body, parents, func(n ast.Node) {
		if id, ok := n.(*ast.Ident); ok && ip.info.Uses[id] == p {
			uses = append(uses, id)
		}
	})
	for _, id := range uses {
		if !ip.recordUse(id, parents, depth) {
			return false
		}
	}
	return len(uses) > 0
}

// recordUse reports whether the use id (parents: its function body's
// parent links) only records the value.
func (ip *inertParams) recordUse(id *ast.Ident, parents map[ast.Node]ast.Node, depth int) bool {
	switch parent := parents[id].(type) {
	case *ast.KeyValueExpr:
		if parent.Value != id {
			return false
		}
		if _, ok := parents[parent].(*ast.CompositeLit); !ok {
			return false
		}
		if key, ok := parent.Key.(*ast.Ident); ok {
			if f, ok := ip.info.Uses[key].(*types.Var); ok && f.IsField() {
				return !ip.handed[f]
			}
		}
		return false
	case *ast.AssignStmt:
		for i, r := range parent.Rhs {
			if r != id || len(parent.Lhs) != len(parent.Rhs) {
				continue
			}
			sel, ok := parent.Lhs[i].(*ast.SelectorExpr)
			if !ok {
				return false
			}
			f, ok := ip.info.Uses[sel.Sel].(*types.Var)
			return ok && f.IsField() && !ip.handed[f]
		}
		return false
	case *ast.CallExpr:
		return ip.recordArg(parent, id, depth)
	}
	return false
}

// recordArg reports whether passing id to call only records it.
func (ip *inertParams) recordArg(call *ast.CallExpr, id *ast.Ident, depth int) bool {
	fn, ok := typeutil.Callee(ip.info, call).(*types.Func)
	if !ok {
		return false
	}
	j := -1
	for i, a := range call.Args {
		if a == id {
			j = i
		}
	}
	if j < 0 {
		return false // the callee itself, or a receiver
	}
	sig := fn.Type().(*types.Signature)
	if _, ok := headerSet(ip.info, fn, sig, call); ok {
		return false
	}
	if _, _, ok := secretURLParam(fn); ok {
		return false
	}
	if _, ok := ip.decls[fn]; ok {
		return ip.inertAt(fn, j, depth+1)
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "net/url" {
		return false // Values.Set, UserPassword: a URL carries it
	}
	params := sig.Params()
	if j < params.Len() && !(sig.Variadic() && j >= params.Len()-1) {
		if _, cred := credentialParam(fn.Name(), params.At(j)); cred {
			return false
		}
	}
	res := sig.Results()
	for i := 0; i < res.Len(); i++ {
		if credsrc.StringLike(res.At(i).Type()) {
			return false
		}
	}
	return true
}
