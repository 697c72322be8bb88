package qhelperutil

// qhelperutil only offers the helper; it reads no credential itself.

import "net/http"

// Param reads a query parameter named by its caller.
func Param(r *http.Request, name string) string { // want Param:`tokenlog\(query reader, name in parameter 1\)` Param:`result is the request value keyed by param 1`
	return r.URL.Query().Get(name)
}

// HeaderParam reads a header named by its caller: no query reader.
func HeaderParam(r *http.Request, name string) string {
	return r.Header.Get(name)
}

// BodyParam reads the POST body: no query reader.
func BodyParam(r *http.Request, name string) string { // want BodyParam:`result is the request value keyed by param 1`
	return r.PostFormValue(name)
}
