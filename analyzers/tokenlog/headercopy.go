package tokenlog

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Request headers copied one by one.
//
// A request logger often copies the request's headers into a map of its
// own, masking the Authorization header, and logs the map:
//
//	for key, value := range r.Header {
//		if key == "Authorization" { value = []string{"***"} }
//		headers[key] = value
//	}
//
// The session cookie in the Cookie header is logged with the rest. The
// values of a range over a request's http.Header carry the header's
// taint (the whole request header, a source only for a request the
// program received) unless the loop tests its key against both
// Authorization and Cookie (==, !=, a switch, strings.EqualFold, also
// after strings.ToLower, ToUpper, TrimSpace or http.CanonicalHeaderKey),
// or hands the key to a function returning a bool or looks it up in a
// map of bools: a predicate choosing the headers to keep or to mask,
// which is trusted. The keys carry nothing.

// credHeadersFiltered reports whether the loop whose Next is next tests
// its key against both credential headers or with a predicate.
func credHeadersFiltered(next *ssa.Next) bool {
	var key ssa.Value
	for _, r := range *next.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 1 {
			key = e
		}
	}
	if key == nil {
		return false
	}
	names := map[string]bool{}
	if keyTests(key, names, 0) {
		return true
	}
	return names["authorization"] && names["cookie"]
}

// keyTests records the constant header names key is compared with in
// names, and reports whether key reaches a predicate.
func keyTests(key ssa.Value, names map[string]bool, depth int) bool {
	if depth > 2 || key.Referrers() == nil {
		return false
	}
	for _, r := range *key.Referrers() {
		switch r := r.(type) {
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				continue
			}
			for _, o := range []ssa.Value{r.X, r.Y} {
				if c, ok := o.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
					names[strings.ToLower(constant.StringVal(c.Value))] = true
				}
			}
		case *ssa.Lookup:
			if r.Index == key {
				if m, ok := r.X.Type().Underlying().(*types.Map); ok && isBool(m.Elem()) {
					return true
				}
			}
		case *ssa.Call:
			callee := r.Call.StaticCallee()
			if callee != nil && callee.Pkg != nil {
				switch callee.Pkg.Pkg.Path() + "." + callee.Name() {
				case "strings.ToLower", "strings.ToUpper", "strings.TrimSpace", "net/http.CanonicalHeaderKey", "net/textproto.CanonicalMIMEHeaderKey":
					if keyTests(r, names, depth+1) {
						return true
					}
					continue
				case "strings.EqualFold":
					for _, a := range r.Call.Args {
						if c, ok := a.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
							names[strings.ToLower(constant.StringVal(c.Value))] = true
						}
					}
					continue
				}
			}
			if res := r.Call.Signature().Results(); res.Len() == 1 && isBool(res.At(0).Type()) {
				return true
			}
		}
	}
	return false
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}
