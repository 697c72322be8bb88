package tokenlog

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"github.com/authvet/authvet/analyzers/internal/ssabuild"
)

// A command-line command's output.
//
// A command whose job is to create a credential (a token generator, a
// `jwt create` or `client-secret` subcommand) prints it to stdout
// because that is what its user asked for: the output is the product,
// read by the person or script that ran it, not a log kept and shipped.
// So a credential printed to stdout by the body of a command (the
// function, literal or named, stored in a cobra.Command's Run or RunE,
// or in an urfave/cli Command's or App's Action) is not reported. Logs, stderr
// (where diagnostics go and are collected), a command's hooks (PreRun)
// and any other code are judged as before.

// commandBodyFields are, per command type, the fields holding the
// function that does the command's work.
var commandBodyFields = map[string]map[string]bool{
	"github.com/spf13/cobra.Command":   {"Run": true, "RunE": true},
	"github.com/urfave/cli.Command":    {"Action": true},
	"github.com/urfave/cli.App":        {"Action": true},
	"github.com/urfave/cli/v2.Command": {"Action": true},
	"github.com/urfave/cli/v2.App":     {"Action": true},
	"github.com/urfave/cli/v3.Command": {"Action": true},
}

// commandOutput reports whether a print sink named name, called in fn,
// writes a command's output: stdout, from the body of a command.
func (st *pkgState) commandOutput(fn *ssa.Function, name string) bool {
	if strings.Contains(name, "Stderr") || !strings.HasPrefix(name, "fmt.") {
		return false
	}
	if st.cmdBodies == nil {
		st.cmdBodies = commandBodies(st.ssaPkg, ssabuild.Get(st.pass).SrcFuncs)
	}
	return st.cmdBodies[fn]
}

// commandBodies finds the functions of pkg stored in the body field of
// a command-line command: a function literal (Run: func(...) {...}) or
// a named function (Action: generateKeys), also through a named
// function type (urfave/cli's Action is an ActionFunc, so the stored
// value is a conversion of the function). A named function the package
// also calls directly is a helper as well as a command's body, and is
// left out: its prints are not only the command's output.
func commandBodies(pkg *ssa.Package, srcFuncs []*ssa.Function) map[*ssa.Function]bool {
	out := map[*ssa.Function]bool{}
	called := map[*ssa.Function]bool{}
	var visit func(fn *ssa.Function, anons bool)
	visit = func(fn *ssa.Function, anons bool) {
		for _, in := range instrs(fn.Blocks) {
			switch in := in.(type) {
			case *ssa.Store:
				if body := storedFunc(in.Val); body != nil && isCommandBodyField(in.Addr) {
					out[body] = true
				}
			case ssa.CallInstruction:
				if callee := in.Common().StaticCallee(); callee != nil && in.Common().Value == callee {
					called[callee] = true
				}
			}
		}
		if anons {
			for _, anon := range fn.AnonFuncs {
				visit(anon, true)
			}
		}
	}
	for _, fn := range srcFuncs {
		visit(fn, false) // source functions include their literals
	}
	if pkg != nil {
		// Package variables are initialised in the synthesized init,
		// which is not a source function: var root = &cobra.Command{...}.
		if init := pkg.Func("init"); init != nil {
			visit(init, true)
		}
	}
	for fn := range out {
		if fn.Parent() == nil && called[fn] {
			delete(out, fn)
		}
	}
	return out
}

// storedFunc is the function a stored value holds: the function itself,
// the function of a closure, seen through conversions to a named
// function type.
func storedFunc(v ssa.Value) *ssa.Function {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeClosure:
			fn, _ := x.Fn.(*ssa.Function)
			return fn
		case *ssa.Function:
			return x
		default:
			return nil
		}
	}
}

// isCommandBodyField reports whether addr is the body field of a
// command-line command (commandBodyFields).
func isCommandBodyField(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	s, ok := named.Underlying().(*types.Struct)
	if !ok || fa.Field >= s.NumFields() {
		return false
	}
	key := jwtlib.Unvendor(named.Obj().Pkg().Path()) + "." + named.Obj().Name()
	return commandBodyFields[key][s.Field(fa.Field).Name()]
}

// instrs lists the instructions of blocks.
func instrs(blocks []*ssa.BasicBlock) []ssa.Instruction {
	var out []ssa.Instruction
	for _, b := range blocks {
		out = append(out, b.Instrs...)
	}
	return out
}
