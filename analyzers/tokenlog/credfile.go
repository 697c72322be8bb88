package tokenlog

import (
	"fmt"
	"go/ast"
	"go/types"
	"path"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/textual"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// The content of a credential's file is the credential. A CLI that
// saves its OAuth token to ~/.config/app/token.json and, when the file
// does not parse, says
//
//	b, err := os.ReadFile(tokenPath())
//	…
//	return fmt.Errorf("token file %s: %w (content %s)", tokenPath(), err, b)
//
// prints the token. The path is no credential (credsrc.Holders keeps
// tokenFile, keyPath and the like out of the name hint); what is read
// from it is.
//
// Rule: the bytes a whole-file read (os.ReadFile, ioutil.ReadFile)
// returns are a credential when its path is known to lead to one: a
// variable, field or parameter named for a credential's file
// (credname.CredentialFile: tokenFile, passwordPath, clientSecretFile,
// not certFile or publicKeyPath); a constant file name that names a
// credential (credname.CredentialFileName: token.json,
// credentials.json, id_rsa, .netrc; not token.pub), alone or as the
// last element of filepath.Join or path.Join; or a call of a function
// of the package every return of which is such a path. Reads of other
// files (configuration, certificates, CA bundles) are not.

// readFileFuncs are the whole-file reads whose result is the file's
// content.
var readFileFuncs = map[string]bool{"os.ReadFile": true, "io/ioutil.ReadFile": true}

// credFileReader judges the paths of whole-file reads in one package.
type credFileReader struct {
	pass  *analysis.Pass
	info  *types.Info
	decls map[*types.Func]*ast.FuncDecl // made on first use (decl)
}

func newCredFileReader(pass *analysis.Pass) *credFileReader {
	return &credFileReader{pass: pass, info: pass.TypesInfo}
}

// decl returns the declaration of fn in the package, or nil. The index
// is built when a read's path is first a call: most packages read no
// file.
func (r *credFileReader) decl(fn *types.Func) *ast.FuncDecl {
	if r.decls == nil {
		r.decls, _ = funcDecls(r.info, r.pass.Files) // queryroutes.go
	}
	return r.decls[fn]
}

// read returns the source of call when it reads a credential's file.
func (r *credFileReader) read(call *ast.CallExpr) (credsrc.Source, bool) {
	fn, ok := typeutil.Callee(r.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || !readFileFuncs[fn.Pkg().Path()+"."+fn.Name()] || len(call.Args) != 1 {
		return credsrc.Source{}, false
	}
	k, what, ok := r.path(call.Args[0], 0)
	if !ok {
		return credsrc.Source{}, false
	}
	return credsrc.Source{Kind: k, Desc: fmt.Sprintf("%s read from %s", k, what)}, true
}

// path judges a path expression: the kind of credential its file holds
// and how to name the file in a message.
func (r *credFileReader) path(e ast.Expr, depth int) (credname.Kind, string, bool) {
	e = ast.Unparen(e)
	if s, ok := textual.ConstString(r.info, e); ok {
		base := path.Base(s)
		if k := credname.CredentialFileName(base); k != credname.None {
			return k, fmt.Sprintf("the file %q", base), true
		}
		return credname.None, "", false
	}
	switch x := e.(type) {
	case *ast.Ident:
		if v, ok := r.info.Uses[x].(*types.Var); ok {
			if k := credname.CredentialFile(v.Name()); k != credname.None {
				return k, "the file in " + v.Name(), true
			}
		}
	case *ast.SelectorExpr:
		if v, ok := r.info.Uses[x.Sel].(*types.Var); ok {
			if k := credname.CredentialFile(v.Name()); k != credname.None {
				return k, "the file in " + v.Name(), true
			}
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(r.info, x).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return credname.None, "", false
		}
		if (fn.Pkg().Path() == "path/filepath" || fn.Pkg().Path() == "path") && fn.Name() == "Join" && len(x.Args) > 0 && !x.Ellipsis.IsValid() {
			return r.path(x.Args[len(x.Args)-1], depth)
		}
		fd := r.decl(fn)
		if fd == nil || depth > 1 {
			return credname.None, "", false
		}
		return r.returns(fd, depth+1)
	}
	return credname.None, "", false
}

// returns judges a function by the first result of its returns: all
// must be paths of a credential's file (function literals inside are
// not its returns).
func (r *credFileReader) returns(fd *ast.FuncDecl, depth int) (credname.Kind, string, bool) {
	var k credname.Kind
	var what string
	n, ok := 0, true
	ast.Inspect(fd.Body, func(nd ast.Node) bool {
		if !ok {
			return false
		}
		switch x := nd.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(x.Results) == 0 {
				ok = false
				return false
			}
			rk, rw, rok := r.path(x.Results[0], depth)
			if !rok {
				ok = false
				return false
			}
			if n == 0 {
				k, what = rk, rw
			}
			n++
		}
		return true
	})
	if !ok || n == 0 {
		return credname.None, "", false
	}
	return k, what, true
}
