package credsrc

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// OtherFieldReads returns the other reads, in v's function, of the field
// v reads: loads of the same field through the same struct pointer
// (st.Return, st.Return of a local struct; cfg.DSN, cfg.DSN of a
// parameter), or extractions of the same field of the same struct value.
// SSA makes each read its own value, so what one read shows (a MAC
// check, an open with a driver) holds for all of them.
func OtherFieldReads(v ssa.Value) []ssa.Value {
	var out []ssa.Value
	switch v := v.(type) {
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok || v.Op != token.MUL || fa.X.Referrers() == nil {
			return nil
		}
		for _, ref := range *fa.X.Referrers() {
			other, ok := ref.(*ssa.FieldAddr)
			if !ok || other.Field != fa.Field || other.Referrers() == nil {
				continue
			}
			for _, r2 := range *other.Referrers() {
				if ld, ok := r2.(*ssa.UnOp); ok && ld.Op == token.MUL && ld != v {
					out = append(out, ld)
				}
			}
		}
	case *ssa.Field:
		if v.X.Referrers() == nil {
			return nil
		}
		for _, ref := range *v.X.Referrers() {
			if other, ok := ref.(*ssa.Field); ok && other.Field == v.Field && other != v {
				out = append(out, other)
			}
		}
	}
	return out
}
