package tokenlog

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Error types of the module (issue 15, fifth pass, fider): a credential
// stored into a field of a struct type that implements error, in a field
// its Error method reads, is put into an error message just as if it
// were passed to fmt.Errorf. fider's errors.Wrap formats its arguments
// into the text field of a *theError, whose Error method prints that
// text; the API key a caller hands to errors.Wrap ends in the logs when
// the error is logged.
//
// The sink is the store, not a call: a store into a field its Error
// method reads, the type's own or, for a type of another package, the
// fields its package exported as an errFields fact. A field Error does
// not read (a code, a value kept for the caller), a struct that is no
// error, and an error stored as the cause (judged where it was made)
// are no sink.
//
// The functions of the error type's package that hand a value on to the
// store (a package's New, Wrap and its unexported helper) are the error
// constructor, as fmt.Errorf is: a caller's flow is reported as put in
// an error by the outermost of them, and they do not count as the
// wrappers a credential known only by its name may pass (maxNamedChain).

// errFields is the fact exported for an error type: the indexes of the
// fields its Error method reads.
type errFields struct {
	Fields []int
}

// AFact marks errFields as an analysis fact.
func (*errFields) AFact() {}

func (e *errFields) String() string { return fmt.Sprintf("tokenlog.errFields(%v)", e.Fields) }

// errorFields returns the fields of struct type n that its Error method
// reads, nil when n is no error type or its Error method is unknown.
func (st *pkgState) errorFields(n *types.Named) map[int]bool {
	if fs, ok := st.errTypes[n]; ok {
		return fs
	}
	var fs map[int]bool
	switch pkg := n.Obj().Pkg(); {
	case pkg == nil:
	case pkg == st.pass.Pkg:
		fs = st.ownErrorFields(n)
	default:
		var fact errFields
		if st.pass.ImportObjectFact(n.Obj(), &fact) {
			fs = map[int]bool{}
			for _, i := range fact.Fields {
				fs[i] = true
			}
		}
	}
	if st.errTypes == nil {
		st.errTypes = map[*types.Named]map[int]bool{}
	}
	st.errTypes[n] = fs
	return fs
}

// errorMethod returns the Error() string method of *n or n.
func errorMethod(n *types.Named) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), false, n.Obj().Pkg(), "Error")
	m, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	sig := m.Type().(*types.Signature)
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || !credsrc.StringLike(sig.Results().At(0).Type()) {
		return nil
	}
	return m
}

// ownErrorFields reads the Error method of a type of this package: the
// fields of n it reads, directly or in the package's functions it hands
// the receiver to.
func (st *pkgState) ownErrorFields(n *types.Named) map[int]bool {
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	m := errorMethod(n)
	if m == nil || m.Pkg() != st.pass.Pkg {
		return nil
	}
	fn := st.ssaPkg.Prog.FuncValue(m)
	if fn == nil {
		return nil
	}
	fs := map[int]bool{}
	seen := map[*ssa.Function]bool{}
	var scan func(fn *ssa.Function, depth int)
	scan = func(fn *ssa.Function, depth int) {
		if fn == nil || seen[fn] || depth > 2 {
			return
		}
		seen[fn] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch i := instr.(type) {
				case *ssa.FieldAddr:
					if namedStruct(i.X.Type()) == n {
						fs[i.Field] = true
					}
				case *ssa.Field:
					if namedStruct(i.X.Type()) == n {
						fs[i.Field] = true
					}
				case ssa.CallInstruction:
					if callee := i.Common().StaticCallee(); callee != nil && callee.Pkg == st.ssaPkg {
						scan(callee, depth+1)
					}
				}
			}
		}
		for _, anon := range fn.AnonFuncs {
			scan(anon, depth)
		}
	}
	scan(fn, 0)
	if len(fs) == 0 {
		return nil
	}
	return fs
}

// namedStruct returns the named struct type t is or points to.
func namedStruct(t types.Type) *types.Named {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n
}

// exportErrorTypes exports the errFields fact of the package's error
// types, in source order.
func (st *pkgState) exportErrorTypes() {
	scope := st.pass.Pkg.Scope()
	names := scope.Names()
	sort.Strings(names)
	for _, name := range names {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		fs := st.errorFields(n)
		if len(fs) == 0 {
			continue
		}
		fact := &errFields{}
		for i := range fs {
			fact.Fields = append(fact.Fields, i)
		}
		sort.Ints(fact.Fields)
		st.pass.ExportObjectFact(tn, fact)
	}
}

// errorStore checks a store into a field of an error type that its
// Error method reads (see the comment at the top of the file).
func (f *fnState) errorStore(s *ssa.Store) {
	fa, ok := s.Addr.(*ssa.FieldAddr)
	if !ok {
		return
	}
	if meaningless(s.Val.Type()) {
		// A number, a bool or an error: no credential.
		return
	}
	n := namedStruct(fa.X.Type())
	if n == nil || !f.st.errorFields(n)[fa.Field] {
		return
	}
	st := n.Underlying().(*types.Struct)
	fld := st.Field(fa.Field)
	if types.IsInterface(fld.Type()) && types.Implements(fld.Type(), errorIface) {
		// The cause: an error is judged where it was made.
		return
	}
	t := f.deep(s.Val)
	for i, p := range f.fn.Params {
		if i < 64 && types.IsInterface(p.Type()) && types.Implements(p.Type(), errorIface) {
			// An error handed in whose text is copied (Wrap's
			// cause.text): judged where it was made.
			t.params &^= 1 << uint(i)
		}
	}
	if t.tr == nil && t.params == 0 && t.elems == 0 {
		return
	}
	pos := s.Pos()
	if !pos.IsValid() {
		pos = fa.Pos()
	}
	c := f.st.storeSite(s, pos)
	name := n.Obj().Name() + "." + fld.Name()
	if n.Obj().Pkg() != f.st.pass.Pkg {
		name = n.Obj().Pkg().Name() + "." + name
	}
	f.st.sinkCallers[f.fn] = true
	if t.tr != nil {
		f.leak(c, t.tr, ruleError, name, nil, false, nil, nil)
	}
	f.paramSinks(c, t, paramSink{Rule: ruleError, Sink: name, ErrPkg: n.Obj().Pkg().Path(), pos: pos})
}

// errorIface is the error interface.
var errorIface = errorType.Underlying().(*types.Interface)

// storeSite returns the call that stands for a store sink in the maps
// keyed by sink call (diags, sinks): one per store, its position kept
// beside it (sitePos).
func (st *pkgState) storeSite(s *ssa.Store, pos token.Pos) *ssa.CallCommon {
	if c, ok := st.storeKeys[s]; ok {
		return c
	}
	if st.storeKeys == nil {
		st.storeKeys = map[*ssa.Store]*ssa.CallCommon{}
		st.storePos = map[*ssa.CallCommon]token.Pos{}
	}
	c := &ssa.CallCommon{}
	st.storeKeys[s] = c
	st.storePos[c] = pos
	return c
}

// sitePos is the position of a sink call, or of the store a synthetic
// one stands for.
func (st *pkgState) sitePos(c *ssa.CallCommon) token.Pos {
	if p := c.Pos(); p.IsValid() {
		return p
	}
	return st.storePos[c]
}

// errCtor applies the error-constructor rule at a call of callee: a sink
// reached through an error type's store, called in that type's package,
// is reported as put in an error by callee itself, with no wrappers
// between.
func errCtor(callee *ssa.Function, name string, ps paramSink, via []string) (string, []string) {
	if ps.ErrPkg == "" || callee.Pkg == nil || callee.Pkg.Pkg.Path() != ps.ErrPkg {
		return ps.Sink, via
	}
	return name, nil
}

var _ analysis.Fact = (*errFields)(nil)
