package scopecheck

import (
	"go/types"
)

// Handler adapters of libraries. A dependency's function that returns a
// handler and takes a function of the request in a shape of its own
// (zgo.at/zhttp's Wrap(func(w, r) error) http.HandlerFunc, the many
// "handler that returns an error" helpers) adapts that function: at a
// registration the argument is the endpoint, as for a project's own
// adapter (adapters.go). A project's adapter is found by reading its
// body (AdapterFact); a dependency's body is not read (lint loads
// dependencies from export data), so its signature decides. Without
// this the route's endpoint was the library function itself, which
// scopecheck cannot see and so assumed to do work: every route of a
// service written this way was reported, whatever its handler did.

// libraryAdapted returns the indexes of fn's parameters that fn, a
// function whose body scopecheck did not read, adapts: fn returns a
// handler (or a middleware), and the parameter is a function that
// takes the request's http.ResponseWriter and *http.Request but is not
// itself a handler or middleware shape (those are wrapped handlers,
// unwrapped as such).
func libraryAdapted(fn *types.Func) []int {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || !makesHandlers(sig) {
		return nil
	}
	var out []int
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			continue // options, middleware lists
		}
		if isHandlerType(t) || isMWArgType(t) {
			continue
		}
		if ps, ok := t.Underlying().(*types.Signature); ok && takesRequest(ps) {
			out = append(out, i)
		}
	}
	return out
}

// takesRequest reports whether sig takes both an http.ResponseWriter
// and an *http.Request.
func takesRequest(sig *types.Signature) bool {
	var w, r bool
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		w = w || isNamed(t, pkgHTTP, "ResponseWriter")
		r = r || isPtrTo(t, pkgHTTP, "Request")
	}
	return w && r
}

// answersRequest reports whether fn, a dependency's function whose body
// scopecheck did not read, only answers or reads the request: it takes
// the http.ResponseWriter or the *http.Request (a decoder such as
// zhttp.Decode(r, &args)), and otherwise only plain values
// (a status, a location, a message) or a payload of any type
// (zhttp.SeeOther(w, "/"), a redirect or error-page helper,
// zhttp.Template(w, name, data)). What it writes is the response, not
// application state: the handler calling it is judged on what it
// computes the arguments from. A function that also takes a handle (a
// *DB, a client, a store interface) may do more, and still counts.
func answersRequest(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || (sig.Recv() != nil && !referenceFree(sig.Recv().Type(), 0)) {
		return false
	}
	writer, req := false, false
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			if s, ok := t.(*types.Slice); ok {
				t = s.Elem()
			}
		}
		switch {
		case isNamed(t, pkgHTTP, "ResponseWriter"):
			writer = true
		case isPtrTo(t, pkgHTTP, "Request"):
			req = true
		case referenceFree(t, 0):
		default:
			if it, ok := t.Underlying().(*types.Interface); !ok || !it.Empty() {
				return false
			}
		}
	}
	return writer || req
}
