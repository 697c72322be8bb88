package lint

import (
	"strings"

	"golang.org/x/tools/go/packages"
)

// A //go:embed pattern that matches no files (a web UI's dist directory
// that is built by npm and not committed, a generated asset) makes the
// go command refuse to build the package, and go/packages reports the
// refusal as the package's error. The package's Go code is complete and
// type-checks: an embed.FS or []byte variable has its type whatever the
// files are, and no analyzer reads the embedded bytes. Such a package,
// and every package importing it, is analyzed; the miss is reported as
// a warning, so that the reader knows the build would fail.

// embedMiss reports whether e is the go command's refusal of a
// //go:embed pattern that matched nothing ("pattern dist: no matching
// files found", "pattern web: cannot embed directory web: contains no
// embeddable files"). Any other embed error (an invalid pattern, an
// irregular file) stays an error.
func embedMiss(e packages.Error) bool {
	if e.Kind != packages.ListError || !strings.HasPrefix(e.Msg, "pattern ") {
		return false
	}
	return strings.HasSuffix(e.Msg, ": no matching files found") || strings.HasSuffix(e.Msg, ": contains no embeddable files")
}

// ownErrors returns p's errors other than embed misses.
func ownErrors(p *packages.Package) []packages.Error {
	var out []packages.Error
	for _, e := range p.Errors {
		if !embedMiss(e) {
			out = append(out, e)
		}
	}
	return out
}

// onlyEmbedMisses reports whether p has errors and every one is an
// embed miss.
func onlyEmbedMisses(p *packages.Package) bool {
	return len(p.Errors) > 0 && len(ownErrors(p)) == 0
}

// relaxEmbedMisses clears IllTyped on the roots that go/packages marked
// ill-typed only for an embed miss, their own or that of a root they
// import. A dependency loaded from export data keeps its verdict.
func relaxEmbedMisses(pkgs []*packages.Package) {
	roots := map[*packages.Package]bool{}
	for _, p := range pkgs {
		roots[p] = true
	}
	ill := map[*packages.Package]bool{}
	var visit func(p *packages.Package) bool
	visit = func(p *packages.Package) bool {
		if v, ok := ill[p]; ok {
			return v
		}
		if !roots[p] {
			return p.IllTyped
		}
		ill[p] = true // a cycle is ill-typed anyway
		v := len(ownErrors(p)) > 0
		for _, imp := range p.Imports {
			if visit(imp) {
				v = true
			}
		}
		ill[p] = v
		return v
	}
	for _, p := range pkgs {
		if p.IllTyped && !visit(p) {
			p.IllTyped = false
		}
	}
}
