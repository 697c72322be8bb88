package lint

import (
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// An analyzer that panics on one package must not end the run: the
// checker does not recover, so a single panic used to kill the process
// and lose every finding of every other package (nakama, review L).
// recovering turns the panic into that action's error, which the driver
// reports as "analyzer failed" for the package (exit code 2) while the
// other packages' findings are still written.

// recovered converts a panic value into the error of one analyzer run,
// naming where it happened so that it can be reported.
func recovered(a *analysis.Analyzer, pass *analysis.Pass, p any) error {
	where := ""
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if strings.Contains(f.Function, "/authvet/analyzers/") {
			where = fmt.Sprintf(" at %s:%d", f.File[strings.LastIndex(f.File, "/analyzers/")+1:], f.Line)
			break
		}
		if !more {
			break
		}
	}
	pkg := ""
	if pass != nil && pass.Pkg != nil {
		pkg = pass.Pkg.Path()
	}
	return fmt.Errorf("internal error: %s panicked on %s%s: %v (please report it)", a.Name, pkg, where, p)
}

// recovering returns copies of the analyzers, and of everything they
// require, whose runs turn a panic into an error. Each copy hands its
// prerequisites' results on under their original analyzers, which the
// analyzers look up (ssabuild.Get reads ssabuild.Analyzer).
func recovering(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	return copyAnalyzers(analyzers, nil, nil)
}
