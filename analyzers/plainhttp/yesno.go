package plainhttp

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// A yes/no probe.
//
// A function whose only results are booleans and errors (alone or as
// the fields of a result struct) learns one
// thing from the servers it dials: whether they answer (a reachability
// check before a certificate exists, a test for a self-signed
// certificate). When it also sends nothing over its connections (no
// request body, cookie or basic auth, no header but one named by a
// constant that carries no credential such as User-Agent, no Write, no
// Post), holds
// no credential (no parameter, field or package variable named for one
// is read) and lets no client,
// transport or config outlive it (every store lands in memory it
// allocated, the variables its literals capture included; no such
// value handed to code outside the standard
// library), an InsecureSkipVerify there exposes nothing: someone on the
// path can change the answer, not read a secret. It is a note. A probe
// that logs in (SetBasicAuth, an Authorization header) or posts data
// keeps the finding, and so does a dial helper returning its conn.

// yesNoProbe reports whether the function around the top of stack is
// such a probe.
func (c *checker) yesNoProbe(stack []ast.Node) bool {
	fn := c.enclosingFunc(stack)
	if fn == nil {
		return false
	}
	res := fn.Signature.Results()
	if res.Len() == 0 {
		return false
	}
	for i := 0; i < res.Len(); i++ {
		if !answerType(res.At(i).Type()) {
			return false
		}
	}
	for _, p := range fn.Params {
		if credname.IsCredential(p.Name()) {
			return false
		}
	}
	quiet := true
	eachNested(fn, func(f *ssa.Function) {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					// A literal of a declared function writing a
					// variable it captured (counter++ in a dialer)
					// writes memory the function allocated.
					if _, captured := in.Addr.(*ssa.FreeVar); captured && f != fn && fn.Parent() == nil {
						continue
					}
					if !allocatedIn(in.Addr) {
						quiet = false
					}
				case ssa.CallInstruction:
					if sendsOrHands(in.Common()) {
						quiet = false
					}
				case *ssa.FieldAddr:
					// A credential it holds may go out in a URL
					// (s.baseURL + "?token=" + s.token).
					if f := fieldOf(in.X.Type(), in.Field); f != nil && credname.IsCredential(f.Name()) {
						quiet = false
					}
				case *ssa.Field:
					if f := fieldOf(in.X.Type(), in.Field); f != nil && credname.IsCredential(f.Name()) {
						quiet = false
					}
				case *ssa.UnOp:
					if g, ok := in.X.(*ssa.Global); ok && credname.IsCredential(g.Name()) {
						quiet = false
					}
				}
			}
		}
	})
	return quiet
}

// answerType reports whether a probe's result of type t holds nothing
// but answers: a bool, an error, or a struct (or pointer to one) whose
// every field is a bool or an error (TLSTestResult{TLS bool;
// InsecureErr error}).
func answerType(t types.Type) bool {
	if boolOrError(t) {
		return true
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || st.NumFields() == 0 {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if !boolOrError(st.Field(i).Type()) {
			return false
		}
	}
	return true
}

func boolOrError(t types.Type) bool {
	return types.Identical(t, types.Typ[types.Bool]) || types.Identical(t, types.Universe.Lookup("error").Type())
}

// eachNested calls visit for fn and every function literal inside it.
func eachNested(fn *ssa.Function, visit func(*ssa.Function)) {
	visit(fn)
	for _, a := range fn.AnonFuncs {
		eachNested(a, visit)
	}
}

// allocatedIn reports whether addr is a local allocation or a field or
// element of one.
func allocatedIn(addr ssa.Value) bool {
	for {
		switch a := addr.(type) {
		case *ssa.Alloc:
			return true
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			addr = a.X
		default:
			return false
		}
	}
}

// sendsOrHands reports whether call sends data to a peer (a request
// with a body, a header, a cookie or basic auth; a Post; a Write or
// Send; fmt.Fprint or io.Copy) or hands a connection, client,
// transport or TLS config to code outside the standard library.
func sendsOrHands(call *ssa.CallCommon) bool {
	name, pkg := "", ""
	if call.IsInvoke() {
		name = call.Method.Name()
	} else if f := call.StaticCallee(); f != nil {
		name = f.Name()
		if obj := f.Object(); obj != nil && obj.Pkg() != nil {
			pkg = obj.Pkg().Path()
		} else if f.Pkg != nil {
			pkg = f.Pkg.Pkg.Path()
		}
	} else {
		return handsConn(call.Args)
	}
	switch name {
	case "Write", "WriteString", "WriteTo", "Send", "Encode", "Post", "PostForm", "SetBasicAuth", "AddCookie":
		return true
	}
	switch pkg {
	case "net/http":
		switch name {
		case "Set", "Add": // http.Header
			// A header no credential travels in (User-Agent,
			// Accept), named by a constant, sends nothing secret.
			if len(call.Args) == 3 {
				if k, ok := call.Args[1].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
					return credname.IsCredentialHeader(constant.StringVal(k.Value))
				}
			}
			return true
		case "NewRequest", "NewRequestWithContext":
			body := call.Args[len(call.Args)-1]
			k, ok := body.(*ssa.Const)
			return !ok || !k.IsNil()
		}
		return false
	case "fmt":
		return len(name) > 6 && name[:6] == "Fprint"
	case "io":
		return name == "Copy" || name == "CopyN" || name == "CopyBuffer"
	}
	if pkg != "" && !isStdlib(pkg) {
		return handsConn(call.Args)
	}
	return false
}

// handsConn reports whether any argument is a connection, HTTP client,
// transport or TLS config.
func handsConn(args []ssa.Value) bool {
	for _, a := range args {
		t := a.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if isNamed(t, "crypto/tls", "Config") || isNamed(t, "crypto/tls", "Conn") ||
			isNamed(t, "net/http", "Client") || isNamed(t, "net/http", "Transport") ||
			isNamed(t, "net/http", "RoundTripper") || isNamed(t, "net", "Conn") {
			return true
		}
	}
	return false
}
