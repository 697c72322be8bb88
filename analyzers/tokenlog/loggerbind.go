package tokenlog

import (
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// A logger's With call (slog's With, zap's With, logrus's WithField and
// WithFields, logr's WithValues) binds attributes that every record of
// the derived logger carries. When the derived logger is used in the
// function that binds it, the record is written where a level method
// is called, and that is where a credential is reported. When it leaves
// the function (returned, or stored where callers reach it: a field of
// a returned or parameter value, a global), each caller's level method
// is the same leak seen again: a helper such as
// Log().Request(r).Error(...) would be reported at every one of dozens
// of call sites. The binding is then the sink, reported once, and the
// derived logger carries only its receiver's taint.

// loggerBind reports whether fn binds its arguments to a derived logger.
func loggerBind(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	recv := credsrc.RecvTypeName(fn)
	name := fn.Name()
	switch fn.Pkg().Path() {
	case "log/slog":
		return recv == "Logger" && name == "With"
	case "go.uber.org/zap":
		return (recv == "Logger" || recv == "SugaredLogger") && name == "With"
	case "github.com/sirupsen/logrus":
		return name == "WithField" || name == "WithFields"
	case "github.com/go-logr/logr":
		return recv == "Logger" && name == "WithValues"
	}
	return false
}

// maxEscapeDepth bounds the walk from a value through the stores,
// conversions and phis that hand it on.
const maxEscapeDepth = 4

// escapes reports whether v leaves its function: it is returned, or
// stored into memory rooted at a parameter, a free variable, a global,
// or a value that itself escapes.
func escapes(v ssa.Value, depth int) bool {
	if depth > maxEscapeDepth || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.Return:
			return true
		case *ssa.Store:
			if r.Val != v {
				continue
			}
			root, _ := addr(r.Addr)
			switch root.(type) {
			case *ssa.Global, *ssa.Parameter, *ssa.FreeVar:
				return true
			}
			if escapes(root, depth+1) {
				return true
			}
		case *ssa.UnOp:
			// A load of a struct the value was stored into.
			if strings.HasPrefix(r.Op.String(), "*") && escapes(r, depth+1) {
				return true
			}
		case *ssa.MakeInterface:
			if escapes(r, depth+1) {
				return true
			}
		case *ssa.ChangeType:
			if escapes(r, depth+1) {
				return true
			}
		case *ssa.Phi:
			if escapes(r, depth+1) {
				return true
			}
		}
	}
	return false
}

// bindsEscaping reports whether call v of obj binds attributes to a
// logger that leaves the function; sinkOf then names the binding.
func bindsEscaping(obj *types.Func, v *ssa.Call) bool {
	return v != nil && loggerBind(obj) && escapes(v, 0)
}

// bindSink is the sink a binding that leaves its function reports as.
func bindSink(obj *types.Func) sink {
	return sink{rule: ruleLog, name: credsrc.QualifiedName(obj)}
}
