package tokenlog

import (
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// Printers that ignore a type's logging methods.
//
// A type with a redacting LogValue (slog.LogValuer), MarshalLogObject
// (zap), MarshalZerologObject, MarshalText or MarshalJSON hides its
// secret from the logger that calls that method, and from no other: fmt
// and the standard log package (and klog and glog, which format with
// fmt) call only Format, GoString, Error and String, and print the
// fields of any other struct. A value handed only to such printers is
// judged by fmt's methods: log.Printf("%+v", creds) of a Credentials
// whose only redaction is LogValue prints the password.

// fmtPrinted reports whether every use of the interface value v is as
// an argument of a function that formats with fmt, directly or as an
// element of its variadic list.
func fmtPrinted(v *ssa.MakeInterface) bool {
	return onlyArgOf(v, func(c *ssa.CallCommon, _ ssa.Value) bool { return fmtFormats(c) })
}

// onlyArgOf reports whether v is used, and only as an argument of calls
// that ok accepts: directly (arg is v) or as an element of a variadic
// list (arg is the list).
func onlyArgOf(v ssa.Value, ok func(c *ssa.CallCommon, arg ssa.Value) bool) bool {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Call:
			if !ok(&r.Call, v) {
				return false
			}
		case *ssa.Store:
			if r.Val != v || !varargsOf(r.Addr, ok) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// varargsOf reports whether addr is an element of a variadic list that
// is only handed to calls ok accepts.
func varargsOf(addr ssa.Value, ok func(c *ssa.CallCommon, arg ssa.Value) bool) bool {
	ia, isIndex := addr.(*ssa.IndexAddr)
	if !isIndex {
		return false
	}
	a, isAlloc := ia.X.(*ssa.Alloc)
	if !isAlloc || a.Referrers() == nil {
		return false
	}
	used := false
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.IndexAddr, *ssa.DebugRef:
		case *ssa.Slice:
			if r.Referrers() == nil {
				return false
			}
			for _, u := range *r.Referrers() {
				c, isCall := u.(*ssa.Call)
				if !isCall || !ok(&c.Call, r) {
					return false
				}
				used = true
			}
		default:
			return false
		}
	}
	return used
}

// fmtFormats reports whether the call formats its arguments with fmt:
// package fmt, the standard log package and its Logger, klog and glog.
func fmtFormats(c *ssa.CallCommon) bool {
	fn := credsrc.Callee(c)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "fmt", "log", "k8s.io/klog", "k8s.io/klog/v2", "github.com/golang/glog":
		return true
	}
	return false
}

// fmtCarrier is the carrier of type t for fmt, which prints the fields
// of a struct that hides only from other printers.
func (st *pkgState) fmtCarrier(t types.Type) *credsrc.Carrier {
	if c, found := credsrc.CarrierFor(t, st.plain, credsrc.HidesFromFmt, st.fieldHides); found {
		return &c
	}
	if c, found := st.sentCarrier(t, credsrc.HidesFromFmt); found {
		return &c // sentfields.go
	}
	return nil
}
