package tokenlog

import (
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// A logger's With call (slog's With, zap's With, logrus's WithField and
// WithFields, logr's WithValues, zerolog's Context fields turned into a
// Logger) binds attributes that every record of the derived logger
// carries. The binding is the leak: each record the derived logger
// writes repeats it, in the function that binds it (a request logger
// used for every event of a handler) or in its callers (a helper such
// as Log().Request(r).Error(...) reached from dozens of call sites). So
// the binding is the sink, reported once where the credential is
// bound, and the derived logger carries only its receiver's taint: the
// events written through it are not reported again for the bound
// credential.

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

// bindsLogger reports whether call v of obj binds attributes to a
// derived logger; the caller then reports the binding.
func bindsLogger(obj *types.Func, v *ssa.Call) bool {
	if v == nil {
		return false
	}
	if zerologContextField(obj) {
		return zerologContextBinds(v, 0)
	}
	return loggerBind(obj) && used(v)
}

// used reports whether v has a use: a logger bound and dropped writes
// nothing.
func used(v ssa.Value) bool {
	if refs := v.Referrers(); refs != nil {
		for _, r := range *refs {
			if _, ok := r.(*ssa.DebugRef); !ok {
				return true
			}
		}
	}
	return false
}

// zerolog binds fields through its Context: logger.With().Str(k, v)
// ... .Logger() derives a logger whose every event carries the field,
// and Logger.UpdateContext(func(c zerolog.Context) zerolog.Context {
// return c.Str(k, v) }) adds the field to the logger itself (a request
// logger taken from the request's context, whose later events write
// it). A field method of zerolog.Context (Str, Interface, Any ...) is
// therefore a binding when the context it returns, itself or through
// further field calls, becomes a Logger that is used or leaves the function
// (returned to UpdateContext, stored). A context that is dropped
// without either writes nothing.

// zerologContextField reports whether fn is a field method of
// zerolog.Context (every method but Logger).
func zerologContextField(fn *types.Func) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == "github.com/rs/zerolog" &&
		credsrc.RecvTypeName(fn) == "Context" && fn.Name() != "Logger"
}

// zerologContextBinds reports whether the context v, or a context built
// from it by a chain of zerolog.Context calls, becomes a Logger or
// leaves the function.
func zerologContextBinds(v ssa.Value, depth int) bool {
	if escapes(v, 0) {
		return true
	}
	if depth > maxEscapeDepth || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		call, ok := r.(*ssa.Call)
		if !ok || call.Call.IsInvoke() || len(call.Call.Args) == 0 || call.Call.Args[0] != v {
			continue
		}
		callee := call.Call.StaticCallee()
		if callee == nil {
			continue
		}
		fn, ok := callee.Object().(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "github.com/rs/zerolog" || credsrc.RecvTypeName(fn) != "Context" {
			continue
		}
		if fn.Name() == "Logger" && used(call) || zerologContextBinds(call, depth+1) {
			return true
		}
	}
	return false
}

// bindSink is the sink a binding that leaves its function reports as.
func bindSink(obj *types.Func) sink {
	return sink{rule: ruleLog, name: credsrc.QualifiedName(obj)}
}
