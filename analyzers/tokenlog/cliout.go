package tokenlog

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// A command-line command's output.
//
// A command whose job is to create a credential (a token generator, a
// `jwt create` or `client-secret` subcommand) prints it to stdout
// because that is what its user asked for: the output is the product,
// read by the person or script that ran it, not a log kept and shipped.
// So a credential printed to stdout by the body of a command (the
// function literal stored in a cobra.Command's Run or RunE, or in an
// urfave/cli Command's or App's Action) is not reported. Logs, stderr
// (where diagnostics go and are collected), a command's hooks (PreRun)
// and any other code are judged as before.
//
// A program without a command framework is its own command: the main
// function of package main (a key generator printing the secrets it just
// made for the operator to paste into a config) is the command's body,
// unless it also serves (calls a Listen*, Serve* or ListenAndServe*
// function or method itself): a server's stdout is its log.

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
func commandOutput(fn *ssa.Function, name string) bool {
	if strings.Contains(name, "Stderr") || !strings.HasPrefix(name, "fmt.") {
		return false
	}
	return commandBody(fn) || programBody(fn)
}

// commandBody reports whether fn is a function literal stored in the
// body field of a command-line command.
func commandBody(fn *ssa.Function) bool {
	if fn == nil || fn.Parent() == nil {
		return false
	}
	var v ssa.Value = fn
	refs := fn.Referrers()
	if len(fn.FreeVars) > 0 {
		// A closure is used through its MakeClosure.
		for _, r := range instrs(fn.Parent().Blocks) {
			if mc, ok := r.(*ssa.MakeClosure); ok && mc.Fn == fn {
				v = mc
				refs = mc.Referrers()
				break
			}
		}
	}
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != v {
			continue
		}
		fa, ok := st.Addr.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
		if !ok {
			continue
		}
		named, ok := types.Unalias(ptr.Elem()).(*types.Named)
		if !ok || named.Obj().Pkg() == nil {
			continue
		}
		s, ok := named.Underlying().(*types.Struct)
		if !ok || fa.Field >= s.NumFields() {
			continue
		}
		key := jwtlib.Unvendor(named.Obj().Pkg().Path()) + "." + named.Obj().Name()
		if commandBodyFields[key][s.Field(fa.Field).Name()] {
			return true
		}
	}
	return false
}

// instrs lists the instructions of blocks.
func instrs(blocks []*ssa.BasicBlock) []ssa.Instruction {
	var out []ssa.Instruction
	for _, b := range blocks {
		out = append(out, b.Instrs...)
	}
	return out
}

// programBody reports whether fn is the main function of package main
// and does not itself start a server.
func programBody(fn *ssa.Function) bool {
	if fn == nil || fn.Parent() != nil || fn.Name() != "main" || fn.Signature.Recv() != nil ||
		fn.Pkg == nil || fn.Pkg.Pkg.Name() != "main" || fn.Signature.Params().Len() != 0 {
		return false
	}
	for _, in := range instrs(fn.Blocks) {
		call, ok := in.(ssa.CallInstruction)
		if !ok {
			continue
		}
		var name string
		if c := call.Common(); c.IsInvoke() {
			name = c.Method.Name()
		} else if callee := c.StaticCallee(); callee != nil {
			name = callee.Name()
		}
		if strings.HasPrefix(name, "Listen") || strings.HasPrefix(name, "Serve") {
			return false
		}
	}
	return true
}
