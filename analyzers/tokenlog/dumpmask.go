package tokenlog

import (
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// A request dump whose credential headers were masked first.
//
// httputil.DumpRequest and DumpRequestOut write the request's headers,
// so their text is a credential source. A debug transport often masks
// them on the request before the dump and puts them back after it
// (restic's loggingRoundTripper):
//
//	origHeaders := redactHeader(req.Header) // header["Authorization"] = []string{"**redacted**"}
//	trace, err := httputil.DumpRequestOut(req, false)
//	restoreHeader(req.Header, origHeaders)
//
// Rule: the dump is no source when, before it on every path (an
// instruction of the same block before it, or of a block that
// dominates it), the function masks the Authorization header of the
// very request it dumps: Header.Del, or Header.Set of a constant value,
// with the constant name, a store of a constant value into the header
// map under it, or a call of a function of the package given that
// header map whose body names Authorization and stores constant values
// into, sets constant values on or deletes from its header parameter
// (and stores nothing else there). A
// request the program received (DumpRequest) also carries the session
// cookie: both Authorization and Cookie must be masked there.

// dumpMasked reports whether the dump call c (of DumpRequest when
// incoming, else DumpRequestOut) comes after its request's credential
// headers were masked.
func (f *fnState) dumpMasked(c *ssa.CallCommon, at ssa.Instruction, incoming bool) bool {
	if len(c.Args) == 0 || at == nil {
		return false
	}
	req := c.Args[0]
	need := []string{"Authorization"}
	if incoming {
		need = append(need, "Cookie")
	}
	masked := map[string]bool{}
	fn := at.Parent()
	if fn == nil {
		return false
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if !dominates(in, at) {
				continue
			}
			for _, h := range f.st.masksHeaders(in, req) {
				masked[h] = true
			}
		}
	}
	for _, h := range need {
		if !masked[h] {
			return false
		}
	}
	return true
}

// maskedDump reports whether v is the text of a request dump made after
// the request's credential headers were masked.
func (f *fnState) maskedDump(v ssa.Value) bool {
	e, ok := v.(*ssa.Extract)
	if !ok || e.Index != 0 {
		return false
	}
	c, ok := e.Tuple.(*ssa.Call)
	return ok && f.maskedDumpCall(c)
}

// maskedDumpCall reports whether c is a request dump made after the
// request's credential headers were masked.
func (f *fnState) maskedDumpCall(c *ssa.Call) bool {
	fn := credsrc.Callee(&c.Call)
	if fn == nil {
		return false
	}
	d := dumpCall(fn)
	return d != "" && f.dumpMasked(&c.Call, c, d == "DumpRequest")
}

// dumpCall returns the name of httputil's request dump fn is, or "".
func dumpCall(fn *types.Func) string {
	if fn.Pkg() == nil || fn.Pkg().Path() != "net/http/httputil" || fn.Type().(*types.Signature).Recv() != nil {
		return ""
	}
	if fn.Name() == "DumpRequest" || fn.Name() == "DumpRequestOut" {
		return fn.Name()
	}
	return ""
}

// masksHeaders returns the credential headers (canonical names) that in
// masks on the headers of request req.
func (st *pkgState) masksHeaders(in ssa.Instruction, req ssa.Value) []string {
	if name, on := maskedHeader(in, func(h ssa.Value) bool { return headerOf(h, req) }); on {
		if name == "" {
			return nil
		}
		return []string{name}
	}
	switch x := in.(type) {
	case *ssa.Call:
		c := &x.Call
		callee := c.StaticCallee()
		if callee == nil {
			return nil
		}
		if callee.Pkg != st.ssaPkg {
			return nil
		}
		for i, a := range c.Args {
			if isPkgType(a.Type(), "net/http", "Header") && headerOf(a, req) && i < len(callee.Params) {
				return headerMasker(callee, callee.Params[i])
			}
		}
	}
	return nil
}

// maskedHeader says what in does to a header map that isHeader accepts:
// on is set when in stores into it or calls one of its methods, and name
// is the credential header ("Authorization", "Cookie") it deletes or sets
// to a constant there, or "".
func maskedHeader(in ssa.Instruction, isHeader func(ssa.Value) bool) (name string, on bool) {
	switch x := in.(type) {
	case *ssa.MapUpdate:
		if !isHeader(x.Map) {
			return "", false
		}
		if constValue(x.Value) {
			if k, ok := credsrc.ConstString(x.Key); ok {
				return canonicalCred(k), true
			}
		}
		return "", true
	case *ssa.Call:
		c := &x.Call
		callee := c.StaticCallee()
		if callee == nil || callee.Signature.Recv() == nil || len(c.Args) < 2 || !isPkgType(c.Args[0].Type(), "net/http", "Header") || !isHeader(c.Args[0]) {
			return "", false
		}
		if callee.Name() == "Del" || callee.Name() == "Set" && len(c.Args) == 3 && constValue(c.Args[2]) {
			if k, ok := credsrc.ConstString(c.Args[1]); ok {
				return canonicalCred(k), true
			}
		}
		return "", true
	}
	return "", false
}

// headerMasker returns the credential headers a function of the package
// names, when it stores into, sets or deletes from its header parameter
// p: a helper that masks what it is given.
func headerMasker(fn *ssa.Function, p *ssa.Parameter) []string {
	writes := false
	var names []string
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch x := in.(type) {
			case *ssa.MapUpdate:
				if x.Map == p {
					if !constValue(x.Value) {
						return nil // it stores what it was given, not a mask
					}
					writes = true
				}
			case *ssa.Call:
				if cal := x.Call.StaticCallee(); cal != nil && cal.Signature.Recv() != nil && len(x.Call.Args) > 0 && x.Call.Args[0] == p {
					switch {
					case cal.Name() == "Del":
						writes = true
					case cal.Name() == "Set" && len(x.Call.Args) == 3:
						if !constValue(x.Call.Args[2]) {
							return nil
						}
						writes = true
					}
				}
			}
			for _, op := range in.Operands(nil) {
				if op == nil {
					continue
				}
				if k, ok := credsrc.ConstString(*op); ok {
					if h := canonicalCred(k); h != "" {
						names = append(names, h)
					}
				}
			}
		}
	}
	if !writes {
		return nil
	}
	return names
}

// headerOf reports whether v is the Header field of request req, loaded.
func headerOf(v, req ssa.Value) bool {
	r, ok := headerRequest(v)
	return ok && r == req
}

// canonicalCred returns "Authorization" or "Cookie" for those header
// names in any case, "" for others.
func canonicalCred(k string) string {
	switch strings.ToLower(k) {
	case "authorization":
		return "Authorization"
	case "cookie":
		return "Cookie"
	}
	return ""
}

// constValue reports whether v is a constant string, or a slice literal
// of constant strings ([]string{"**redacted**"}).
func constValue(v ssa.Value) bool {
	if _, ok := credsrc.ConstString(v); ok {
		return true
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return false
	}
	if _, ok := sl.X.(*ssa.Alloc); !ok {
		return false
	}
	for _, e := range sliceElems(sl) {
		if _, ok := credsrc.ConstString(e); !ok {
			return false
		}
	}
	return true
}
