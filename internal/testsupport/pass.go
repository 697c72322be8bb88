package testsupport

import "golang.org/x/tools/go/analysis"

// ForPass is NewInModule for the package an analysis pass analyzes: the
// one way the analyzers build their index, so that each judges test
// support with the same package path, module and files.
func ForPass(pass *analysis.Pass) *Index {
	mod := ""
	if pass.Module != nil {
		mod = pass.Module.Path
	}
	return NewInModule(pass.Fset, pass.Pkg.Path(), mod, pass.Files, pass.TypesInfo)
}
