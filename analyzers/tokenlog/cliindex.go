package tokenlog

import (
	"go/types"
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// cliIndex is what the command-output questions of cliout.go ask of a
// whole package, read once: which functions call which, which use a
// function as a value, which store or register a command's body, which
// method names interface calls name. Asking each of them by scanning
// every instruction of the package, for every print site and every
// caller of a delegate, was quadratic in the package's size: 28 minutes
// of CPU on argo-cd, whose generated packages hold tens of thousands of
// functions. The answers of the recursive questions are kept too.
type cliIndex struct {
	funcs []*ssa.Function
	// calls are the static, non-interface calls by callee.
	calls map[*ssa.Function][]callSite
	// valueUsers are, per function, the functions that use it as a
	// value: any operand but the callee of a static call of it.
	valueUsers map[*ssa.Function][]*ssa.Function
	// wrapperUsers are, per method, the functions that use its bound
	// method value or method expression (a synthetic wrapper).
	wrapperUsers map[types.Object][]*ssa.Function
	// stores are the stores into a command's body field; registers are
	// the calls of a method that registers a command's body.
	stores    []*ssa.Store
	registers []*ssa.CallCommon
	// invoked are the method names interface calls name.
	invoked map[string]bool

	delegate map[delegateKey]bool
	named    map[*ssa.Function]bool
	stored   map[*ssa.Function]bool
	output   map[*ssa.Function]bool // commandOutput's answers
	// builders holds the parameters whose function a command builder
	// of the package makes a command's body (cmdbuilder.go).
	builders map[*ssa.Function]map[int]bool
}

type callSite struct {
	caller *ssa.Function
	call   *ssa.CallCommon
}

type delegateKey struct {
	fn    *ssa.Function
	depth int
}

// cliIndexes holds the index of the package being analyzed, from its
// first question to the end of its run (dropCLIIndex).
var cliIndexes sync.Map // *ssa.Package → *cliIndex

// keepCLIIndex lets the index of pkg, once built, live until
// dropCLIIndex; the index of any other package is built for one
// question and dropped.
func keepCLIIndex(pkg *ssa.Package) { cliIndexes.Store(pkg, (*cliIndex)(nil)) }

func dropCLIIndex(pkg *ssa.Package) { cliIndexes.Delete(pkg) }

// cliIndexOf returns the index of pkg.
func cliIndexOf(pkg *ssa.Package) *cliIndex {
	v, kept := cliIndexes.Load(pkg)
	if ix, _ := v.(*cliIndex); ix != nil {
		return ix
	}
	ix := buildCLIIndex(pkg)
	if kept {
		cliIndexes.Store(pkg, ix)
	}
	return ix
}

func buildCLIIndex(pkg *ssa.Package) *cliIndex {
	ix := &cliIndex{
		funcs:        packageFuncs(pkg),
		calls:        map[*ssa.Function][]callSite{},
		valueUsers:   map[*ssa.Function][]*ssa.Function{},
		wrapperUsers: map[types.Object][]*ssa.Function{},
		invoked:      map[string]bool{},
		delegate:     map[delegateKey]bool{},
		named:        map[*ssa.Function]bool{},
		stored:       map[*ssa.Function]bool{},
		output:       map[*ssa.Function]bool{},
	}
	var ops []*ssa.Value
	for _, f := range ix.funcs {
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				if _, ok := in.(*ssa.DebugRef); ok {
					continue // the name in the source, not a use
				}
				var callee *ssa.Function
				if call, ok := in.(ssa.CallInstruction); ok {
					c := call.Common()
					if c.IsInvoke() {
						ix.invoked[c.Method.Name()] = true
					} else if callee = c.StaticCallee(); callee != nil {
						ix.calls[callee] = append(ix.calls[callee], callSite{f, c})
					}
					if registersBody(c) {
						ix.registers = append(ix.registers, c)
					}
				}
				if st, ok := in.(*ssa.Store); ok && bodyField(st) {
					ix.stores = append(ix.stores, st)
				}
				ops = in.Operands(ops[:0])
				for i, op := range ops {
					if op == nil || *op == nil {
						continue
					}
					if i == 0 && callee != nil && *op == ssa.Value(callee) {
						continue // the callee of a static call of it
					}
					v := *op
					if g, ok := v.(*ssa.Function); ok {
						ix.valueUsers[g] = append(ix.valueUsers[g], f)
					}
					if mc, ok := v.(*ssa.MakeClosure); ok {
						v = mc.Fn
					}
					if w, ok := v.(*ssa.Function); ok && w.Synthetic != "" && w.Object() != nil {
						if callee != nil && callee.Synthetic == "" && callee.Object() == w.Object() {
							continue // an argument of a call of the method itself
						}
						ix.wrapperUsers[w.Object()] = append(ix.wrapperUsers[w.Object()], f)
					}
				}
			}
		}
	}
	return ix
}

// registersBody reports a call of a method that registers a command's
// body (commandBodyMethods), whatever its arguments.
func registersBody(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil || c.IsInvoke() || len(c.Args) < 2 {
		return false
	}
	obj, _ := callee.Object().(*types.Func)
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	recv := credsrc.RecvTypeName(obj) // a method's type is of its package
	return recv != "" && commandBodyMethods[jwtlib.Unvendor(obj.Pkg().Path())+"."+recv][obj.Name()]
}

// usedAsValue reports whether a function of the package other than fn
// uses fn as a value, directly or as its bound method value.
func (ix *cliIndex) usedAsValue(fn *ssa.Function) bool {
	for _, u := range ix.valueUsers[fn] {
		if u != fn {
			return true
		}
	}
	if fn.Object() != nil {
		for _, u := range ix.wrapperUsers[fn.Object()] {
			if u != fn {
				return true
			}
		}
	}
	return false
}
