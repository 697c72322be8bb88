package tokenlog

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Results redacted for a constant argument.
//
// A helper often builds a connection string or a config dump in two
// forms, selected by a bool parameter: func connString(redacted bool)
// string { pw := cfg.Password; if redacted && pw != "" { pw =
// "[redacted]" }; return fmt.Sprintf("...:%s@...", pw) }, called as
// connString(false) to connect and connString(true) to log. Whether the
// result holds the credential is decided by the function body for the
// argument, not by any name: the function is analyzed once more with
// each bool parameter fixed to true and to false. The branches the
// constant rules out are dead, and a phi edge taken only when the value
// on it was just tested empty (pw != "" false) adds nothing, since that
// value is "". A credential result that the fixed run no longer returns
// is recorded as holding Unless that parameter is that constant, and a
// call passing that constant takes the result as clean. A flag that
// selects nothing about the credential (a debug switch beside it), a
// mask applied under another condition, or a non-constant argument keep
// the result a credential.

// constArg says that a result source does not hold when parameter Param
// is the constant Value.
type constArg struct {
	Param int
	Value bool
}

// maxRedactParams bounds the bool parameters a function is re-analyzed
// for (two runs each).
const maxRedactParams = 4

// redactions adds to s's results the constant arguments under which
// they are not returned.
func (st *pkgState) redactions(fn *ssa.Function, s *summary) {
	if len(s.Results) == 0 {
		return
	}
	tried := 0
	for p, prm := range fn.Params {
		if p >= 64 || tried >= maxRedactParams {
			break
		}
		if b, ok := prm.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
			continue
		}
		tried++
		for _, val := range []bool{true, false} {
			g := newFnState(st, fn, false, nil)
			g.assume = map[int]bool{p: val}
			g.run()
			gs := g.summary()
			for i := range s.Results {
				r := &s.Results[i]
				if !hasResult(gs, r) {
					r.Unless = append(r.Unless, constArg{Param: p, Value: val})
				}
			}
		}
	}
}

func hasResult(s *summary, r *resultSource) bool {
	for _, o := range s.Results {
		if o.Result == r.Result && o.Path == r.Path && o.Source.Desc == r.Source.Desc {
			return true
		}
	}
	return false
}

// redactedBy reports whether the call passes a constant that rules r
// out.
func redactedBy(c *ssa.CallCommon, r resultSource) bool {
	for _, u := range r.Unless {
		if u.Param >= len(c.Args) {
			continue
		}
		if k, ok := c.Args[u.Param].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Bool && constant.BoolVal(k.Value) == u.Value {
			return true
		}
	}
	return false
}

// assumedParam recognises a condition that is a fixed bool parameter or
// its negation, and gives its value.
func (f *fnState) assumedParam(cond ssa.Value) (val, ok bool) {
	neg := false
	if u, isUn := cond.(*ssa.UnOp); isUn && u.Op == token.NOT {
		cond, neg = u.X, true
	}
	p, isParam := cond.(*ssa.Parameter)
	if !isParam {
		return false, false
	}
	for i, q := range f.fn.Params {
		if q == p {
			v, fixed := f.assume[i]
			return v != neg, fixed
		}
	}
	return false, false
}

// liveBlocks marks the blocks reachable when the assumed parameters
// hold their values.
func (f *fnState) liveBlocks() {
	f.live = map[*ssa.BasicBlock]bool{}
	if len(f.fn.Blocks) == 0 {
		return
	}
	work := []*ssa.BasicBlock{f.fn.Blocks[0]}
	if f.fn.Recover != nil {
		work = append(work, f.fn.Recover)
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if f.live[b] {
			continue
		}
		f.live[b] = true
		succs := b.Succs
		if ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && len(succs) == 2 {
			if v, fixed := f.assumedParam(ifi.Cond); fixed {
				if v {
					succs = succs[:1]
				} else {
					succs = succs[1:]
				}
			}
		}
		work = append(work, succs...)
	}
}

// deadEdge reports whether, in a fixed run, edge i of phi adds nothing:
// its predecessor is dead or branches away under the fixed parameter,
// or it is taken only when its value e was tested empty.
func (f *fnState) deadEdge(phi *ssa.Phi, i int, e ssa.Value) bool {
	b := phi.Block()
	if f.live == nil || i >= len(b.Preds) {
		return false
	}
	pred := b.Preds[i]
	if !f.live[pred] {
		return true
	}
	ifi, ok := pred.Instrs[len(pred.Instrs)-1].(*ssa.If)
	if !ok || len(pred.Succs) != 2 || pred.Succs[0] == pred.Succs[1] {
		return false
	}
	taken := indexOf(pred.Succs, b)
	if v, fixed := f.assumedParam(ifi.Cond); fixed && (taken == 0) != v {
		return true
	}
	x, nonEmpty, ok := emptinessTest(ifi.Cond)
	return ok && x == e && taken != nonEmpty
}
