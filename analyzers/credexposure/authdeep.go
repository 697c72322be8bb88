package credexposure

import (
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Where the Authorization header is read. A middleware that tries one
// way of authenticating after another calls a helper per way
// (tryGetUserByApiKeyHeader, tryGetUserByApiKeyQuery), and the header
// helper often calls a shared parser in another package
// (utils.ExtractBearerAuth). The function reads the header when it does
// so itself, through a helper of this package (to maxAuthDepth calls
// deep), or by calling a function of another package whose result is,
// by its fact, the credential from the Authorization header.

// maxAuthDepth bounds the helpers of this package followed.
const maxAuthDepth = 2

// readsAuthHeaderVia reports whether f reads the request's Authorization
// header itself or through the functions it calls (see above).
func (f *fnState) readsAuthHeaderVia(depth int) bool {
	if f.scanAuthHeader() {
		return true
	}
	if depth >= maxAuthDepth {
		return false
	}
	for _, b := range f.fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || call.Common().IsInvoke() {
				continue
			}
			if sf, ok := call.Common().Value.(*ssa.Function); ok && sf.Pkg == f.st.ssaPkg {
				if sf != f.fn && len(sf.Blocks) > 0 && f.st.fn(sf).readsAuthHeaderVia(depth+1) {
					return true
				}
				continue
			}
			if s := f.st.summaryOf(call.Common()); s != nil {
				for _, r := range s.Creds {
					if strings.Contains(r.Source.Desc, "from the Authorization header") {
						return true
					}
				}
			}
		}
	}
	return false
}
