package tokenlog

import (
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// Order for local structs.
//
// Taint in memory is otherwise flow-insensitive: what is stored in a
// variable anywhere in the function is taken to be there whenever it is
// read. For a local struct (a variable whose address is taken, or a
// composite literal), printed whole by value or by pointer, the order
// of writes is checked: cfg := Config{Name: n}; log.Printf("%+v", cfg);
// cfg.Token = t prints an empty Token, and is left alone. A write that
// may set a field (a store other than a zero value, to the field or to
// an enclosing part) or a use that lets the address escape (a call that
// may fill it in, such as json.Unmarshal(&cfg), a closure capturing it)
// counts when it can run before the print: earlier in the same block,
// in a block from which the print is reached, or in a loop around it. A
// struct whose credential field is set in its literal, or before the
// print on any path, is still reported.

// allocWrite is an instruction that may write to path of a local
// allocation.
type allocWrite struct {
	instr ssa.Instruction
	path  string
	// konst is set for a store of a constant, zero is set for a store
	// of a zero value (which sets nothing).
	konst, zero bool
}

// walkAddrs calls visit for every use of v and of the field and
// element addresses derived from it (FieldAddr, IndexAddr), with the
// address the use is of and its path as addr spells it.
func walkAddrs(v ssa.Value, visit func(use ssa.Instruction, addr ssa.Value, path string)) {
	var walk func(x ssa.Value, path string)
	walk = func(x ssa.Value, path string) {
		refs := x.Referrers()
		if refs == nil {
			return
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.DebugRef:
			case *ssa.FieldAddr:
				walk(r, path+"."+strconv.Itoa(r.Field))
			case *ssa.IndexAddr:
				walk(r, path+"[]")
			default:
				visit(r, x, path)
			}
		}
	}
	walk(v, "")
}

// allocWrites returns, once per allocation, the instructions that may
// write to it.
func (f *fnState) allocWrites(a *ssa.Alloc) []allocWrite {
	if w, ok := f.writes[a]; ok {
		return w
	}
	if f.writes == nil {
		f.writes = map[*ssa.Alloc][]allocWrite{}
	}
	f.writes[a] = nil // a cycle of copies ends here
	var out []allocWrite
	walkAddrs(a, func(r ssa.Instruction, v ssa.Value, path string) {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				out = append(out, allocWrite{instr: r, path: path})
			}
		case *ssa.Store:
			if r.Addr != v {
				out = append(out, allocWrite{instr: r, path: path}) // the address itself is stored
				return
			}
			if _, ok := r.Val.(*ssa.Const); ok {
				out = append(out, allocWrite{instr: r, path: path, konst: true, zero: isZeroConst(r.Val)})
				return
			}
			if f.st.libraryDefaults(r.Val) {
				// A library's defaults (opts := badger.DefaultOptions(""))
				// hold none of the program's credentials.
				out = append(out, allocWrite{instr: r, path: path, zero: true})
				return
			}
			if f.st.maskCall(r.Val) {
				// The result of a masking function is as good as
				// a constant mask (maskcopy.go).
				out = append(out, allocWrite{instr: r, path: path, konst: true})
				return
			}
			if ld, ok := r.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
				if b, ok := ld.X.(*ssa.Alloc); ok && b != a {
					// A copy of another local (the composite
					// literal cfg := Config{...} is built in):
					// it writes the parts that were set in it.
					for _, w := range f.allocWrites(b) {
						if w.instr != ld && f.mayPrecede(w.instr, ld) {
							cp := w
							cp.instr, cp.path = r, path+w.path
							out = append(out, cp)
						}
					}
					return
				}
			}
			out = append(out, allocWrite{instr: r, path: path})
		default:
			out = append(out, allocWrite{instr: r, path: path})
		}
	})
	f.writes[a] = out
	return out
}

// setBefore reports whether part p of local allocation a may have been
// written when instruction at runs.
func (f *fnState) setBefore(a *ssa.Alloc, at ssa.Instruction, p string) bool {
	for _, w := range f.allocWrites(a) {
		if !w.zero && w.instr != at && (under(w.path, p) || under(p, w.path)) && f.mayPrecede(w.instr, at) {
			return true
		}
	}
	return false
}

// localStruct returns the local allocation a value handed to an
// interface prints whole, and the instruction that reads it: the
// allocation itself (a pointer) or a load of it.
func localStruct(v *ssa.MakeInterface) (*ssa.Alloc, ssa.Instruction) {
	switch x := v.X.(type) {
	case *ssa.Alloc:
		return x, v
	case *ssa.UnOp:
		if a, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			return a, x
		}
	}
	return nil, nil
}

// printedCred returns, for a struct about to be printed whole that is
// a local allocation, the first of its credential fields that may hold
// a value at that point (nil when none can: the struct prints no
// credential), and local false when the struct is not a local. asJSON
// leaves out the fields encoding/json does not write (jsonenc.go).
//
// c is the credential field the printer shows (credsrc.CarrierOf and
// kin): when it lies behind a pointer field (req.Auth.AuthKey with Auth
// a *Auth), what the local holds is the pointer, and the credential may
// be printed as soon as that pointer may be set: a struct parameter
// that SSA keeps in a local (its fields are read) holds its caller's
// pointer from the function's entry.
func (f *fnState) printedCred(v *ssa.MakeInterface, asJSON bool, c *credsrc.Carrier) (cf *credField, local bool) {
	a, at := localStruct(v)
	if a == nil {
		return nil, false
	}
	if _, ok := deref(a.Type()).Underlying().(*types.Struct); !ok {
		return nil, false
	}
	for _, c := range f.st.credFields(deref(a.Type()), "", "", 0) {
		if asJSON && !jsonVisible(a.Type(), c.path) {
			continue
		}
		if _, plain := f.st.plain[c.v]; plain {
			continue // the package shows it holds no credential (credsrc.Holders)
		}
		if f.setBefore(a, at, c.path) && !f.constBefore(a, at, c.path) {
			return &c, true
		}
	}
	if c != nil {
		if p, fv := pointerOnPath(deref(a.Type()), c.Field); p != "" && f.setBefore(a, at, p) && !f.constBefore(a, at, p) {
			return &credField{path: p, name: c.Field, src: c.Source, v: fv}, true
		}
	}
	return nil, true
}

// pointerOnPath follows a credential field's dotted name (Auth.AuthKey)
// from struct t through its inline struct fields and returns the path,
// as allocWrites spells it, of the first pointer field on the way, and
// that field; "" when the name crosses no pointer.
func pointerOnPath(t types.Type, name string) (string, *types.Var) {
	path := ""
	for depth := 0; depth < 8; depth++ {
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return "", nil
		}
		head, rest, more := strings.Cut(name, ".")
		if !more {
			return "", nil
		}
		i := fieldIndex(st, head)
		if i < 0 {
			return "", nil
		}
		fl := st.Field(i)
		path += "." + strconv.Itoa(i)
		if pt, ok := fl.Type().Underlying().(*types.Pointer); ok {
			if _, ok := pt.Elem().Underlying().(*types.Struct); ok {
				return path, fl
			}
			return "", nil
		}
		t, name = fl.Type(), rest
	}
	return "", nil
}

// fieldIndex returns the index of the field named name in st, or -1.
func fieldIndex(st *types.Struct, name string) int {
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return i
		}
	}
	return -1
}

// constBefore reports whether part p of local allocation a holds a
// constant when instruction at runs: a store of a constant to p runs on
// every path to at (it dominates it), and no other write to p can run
// between them. A copy masked before it is printed (masked := *cfg;
// masked.Secret = "XXXXXXXX"; log.Printf("%+v", masked)) prints the
// mask.
func (f *fnState) constBefore(a *ssa.Alloc, at ssa.Instruction, p string) bool {
	ws := f.allocWrites(a)
	for _, s := range ws {
		if !s.konst || s.path != p || !(dominates(s.instr, at) || f.maskedWhenSet(a, s, at, p)) {
			continue
		}
		last := true
		for _, w := range ws {
			if w.instr != s.instr && w.instr != at && (under(w.path, p) || under(p, w.path)) &&
				f.mayPrecede(w.instr, at) && f.mayPrecede(s.instr, w.instr) {
				last = false
				break
			}
		}
		if last {
			return true
		}
	}
	return false
}

// dominates reports whether instruction s runs on every path to at.
func dominates(s, at ssa.Instruction) bool {
	sb, ab := s.Block(), at.Block()
	if sb == nil || ab == nil || sb.Parent() != ab.Parent() {
		return false
	}
	if sb != ab {
		return sb.Dominates(ab)
	}
	for _, i := range sb.Instrs {
		switch i {
		case s:
			return true
		case at:
			return false
		}
	}
	return false
}

// credField is a credential field of a struct: its memory path (as
// addr spells it: ".2", ".1.0"), its name as messages spell it
// ("DB.Password") and what it holds.
type credField struct {
	path, name string
	src        credsrc.Source
	v          *types.Var
}

// credFields returns the credential fields of a struct, including those
// of struct-typed fields without a hiding method, as far as
// credsrc.CarrierOf looks.
func (ps *pkgState) credFields(t types.Type, path, name string, depth int) []credField {
	st, ok := t.Underlying().(*types.Struct)
	if depth > 3 || !ok {
		return nil
	}
	var out []credField
	for i := 0; i < st.NumFields(); i++ {
		fl := st.Field(i)
		p, n := path+"."+strconv.Itoa(i), name+fl.Name()
		if ps.fieldHides(fl) {
			continue
		}
		if src, ok := credsrc.FromFieldOf(t, i); ok {
			out = append(out, credField{p, n, src, fl})
			continue
		}
		if src, ok := ps.sent[fl]; ok {
			// A field the package sends as a credential (sentfields.go).
			out = append(out, credField{p, n, src, fl})
			continue
		}
		if _, ok := fl.Type().Underlying().(*types.Struct); ok && !credsrc.Hides(fl.Type()) {
			out = append(out, ps.credFields(fl.Type(), p, n+".", depth+1)...)
		}
	}
	return out
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// isZeroConst reports whether v is the zero value of its type: the
// zero store SSA emits before a composite literal fills a variable
// again, or "" / 0 / nil.
func isZeroConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if c.Value == nil {
		return true
	}
	switch c.Value.Kind() {
	case constant.String:
		return constant.StringVal(c.Value) == ""
	case constant.Int, constant.Float:
		return constant.Sign(c.Value) == 0
	case constant.Bool:
		return !constant.BoolVal(c.Value)
	}
	return false
}

// mayPrecede reports whether instruction w can run before instruction
// at in the same call: earlier in the same block, or in a block from
// which at's block can be reached (a loop included).
func (f *fnState) mayPrecede(w, at ssa.Instruction) bool {
	wb, ab := w.Block(), at.Block()
	if wb == nil || ab == nil || wb.Parent() != ab.Parent() {
		return true
	}
	if wb == ab {
		for _, i := range wb.Instrs {
			if i == w {
				break
			}
			if i == at {
				// at comes first in the block: w precedes it only
				// through a loop back to this block.
				return f.after(wb, ab)
			}
		}
		return true
	}
	return f.after(wb, ab)
}

// after reports whether block b can be reached from the end of block
// a, once per pair.
func (f *fnState) after(a, b *ssa.BasicBlock) bool {
	if f.reach == nil {
		f.reach = map[[2]*ssa.BasicBlock]bool{}
	}
	k := [2]*ssa.BasicBlock{a, b}
	r, ok := f.reach[k]
	if !ok {
		r = reaches(a.Succs, b)
		f.reach[k] = r
	}
	return r
}

// reaches reports whether block to can be reached from the blocks from.
func reaches(from []*ssa.BasicBlock, to *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), from...)
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b == to {
			return true
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		stack = append(stack, b.Succs...)
	}
	return false
}

// libraryDefaults reports whether v is the result of another package's
// function named for defaults (DefaultOptions, DefaultConfig,
// NewDefaultSettings) called with constant arguments only, of which
// tokenlog knows no result that is a credential: a library's default
// settings, which hold no credential of the program's (badger's
// EncryptionKey is empty until the program sets it). A credential set
// afterwards (opts.EncryptionKey = key) is a write of its own.
func (st *pkgState) libraryDefaults(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg == st.pass.Pkg {
		return false
	}
	obj, _ := fn.Object().(*types.Func)
	if obj == nil {
		return false
	}
	named := false
	for _, w := range credname.Words(obj.Name()) {
		if w == "default" || w == "defaults" {
			named = true
		}
	}
	if !named {
		return false
	}
	for _, a := range call.Call.Args {
		if _, ok := a.(*ssa.Const); !ok {
			return false
		}
	}
	var sum summary
	return !st.pass.ImportObjectFact(obj, &sum) || len(sum.Results) == 0
}
