package tokenlog

import "golang.org/x/tools/go/ssa"

// The URL of a request the program builds is not a request URL.
//
// requrl.go reports a request's URL, URI or query string as carrying the
// credential query parameters the program reads from the requests it
// serves. A request the package built itself (http.NewRequest, or a
// function or field of the package that only ever holds one: outreq.go's
// built) is one the program sends: its URL holds only what the program
// put in it, which the taint of those values already tracks. The
// parameters read from incoming requests say nothing about it.

// incoming reports whether v, a load of a field of an *http.Request (its
// URL or RequestURI), may read a request the program did not build.
func (st *pkgState) incoming(v ssa.Value) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok {
		return true
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	if !ok {
		return true
	}
	return !st.outgoing().built(fa.X, 0)
}
