package tokenlog

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Masking by replacement. strings.ReplaceAll(cmd, r.Password, "******")
// takes every copy of the password out of the command before it is
// logged (1Panel's backup commands). The result no longer carries the
// credential the text carried when the value replaced is that very
// credential, as it is: the same source, read directly (a field, a
// parameter, a variable), not text built around it. A pattern made by
// concatenation (" "+pw+" ", "'"+pw) matches only where the
// surroundings match, and strings.Replace with a count replaces only
// the first copies: both keep the finding.

// replacedCred reports whether call is strings.ReplaceAll or
// bytes.ReplaceAll (or Replace with a negative count) whose old value
// is, as it is, the credential its first argument carries.
func (f *fnState) replacedCred(fn *types.Func, args []ssa.Value) bool {
	if fn.Pkg() == nil || (fn.Pkg().Path() != "strings" && fn.Pkg().Path() != "bytes") || len(args) < 3 {
		return false
	}
	switch fn.Name() {
	case "ReplaceAll":
	case "Replace":
		if len(args) < 4 {
			return false
		}
		k, ok := args[3].(*ssa.Const)
		if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
			return false
		}
		if n, exact := constant.Int64Val(k.Value); !exact || n >= 0 {
			return false
		}
	default:
		return false
	}
	if built(args[1]) {
		return false
	}
	text, old := f.deep(args[0]), f.deep(args[1])
	return text.tr != nil && old.tr != nil && text.tr.src == old.tr.src
}

// built reports whether v is text made around another value: a
// concatenation or a formatting call.
func built(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.BinOp:
		return v.Op == token.ADD
	case *ssa.Call:
		if fn := v.Call.StaticCallee(); fn != nil && fn.Pkg != nil && fn.Pkg.Pkg.Path() == "fmt" {
			return true
		}
	case *ssa.Convert:
		return built(v.X)
	}
	return false
}

// withoutTrace drops the credential t carries, keeping the parameters
// it depends on.
func (t taint) withoutTrace() taint {
	t.tr = nil
	return t
}
