package tokenlog

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
)

// pathParam marks a function whose string parameters at Params take a
// file path (credsrc.PathParams): the function hands them, as they
// are, to os.ReadFile, tls.LoadX509KeyPair and kin, or to another
// function that does. A value a package hands to such a parameter is a
// path, not the key or token its name may promise, even when the
// helper that opens it lives in another package
// (encryption.LoadKeyPair(root, cfg.TLSClientCertificate,
// cfg.TLSClientPrivateKey)).
type pathParam struct{ Params []int }

// AFact marks pathParam as an analysis fact.
func (*pathParam) AFact() {}

func (p *pathParam) String() string { return fmt.Sprintf("tokenlog(path params %v)", p.Params) }

// pathParams computes the package's path-taking functions, exports
// them as facts and returns a lookup that also reads the facts of
// imported packages. It runs for every package, relevant or not: a
// helper package that only imports crypto/tls may be the one that
// shows a parameter is a path.
func pathParams(pass *analysis.Pass) func(*types.Func) []int {
	imported := func(fn *types.Func) []int {
		var f pathParam
		if fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn, &f) {
			return f.Params
		}
		return nil
	}
	own := credsrc.PathParams(pass.Pkg, pass.TypesInfo, pass.Files, imported)
	// Exported in source order, so that runs are reproducible.
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func); fn != nil && len(own[fn]) > 0 {
					pass.ExportObjectFact(fn, &pathParam{Params: own[fn]})
				}
			}
		}
	}
	return func(fn *types.Func) []int {
		if is, ok := own[fn]; ok {
			return is
		}
		return imported(fn)
	}
}
