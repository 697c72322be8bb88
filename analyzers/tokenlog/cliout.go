package tokenlog

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"github.com/authvet/authvet/analyzers/internal/terminal"
	"github.com/authvet/authvet/analyzers/internal/textual"
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
// function or method itself): a server's stdout is its log. So is
// main's delegate, the run() that main alone calls (mainDelegate).

// commandBodyFields are, per command type, the fields holding the
// function that does the command's work.
var commandBodyFields = map[string]map[string]bool{
	"github.com/spf13/cobra.Command":   {"Run": true, "RunE": true},
	"github.com/urfave/cli.Command":    {"Action": true},
	"github.com/urfave/cli.App":        {"Action": true},
	"github.com/urfave/cli/v2.Command": {"Action": true},
	"github.com/urfave/cli/v2.App":     {"Action": true},
	"github.com/urfave/cli/v3.Command": {"Action": true},
	// ff's ffcli (v2, v3) and ff/v4: Exec runs the command.
	"github.com/peterbourgon/ff/v2/ffcli.Command": {"Exec": true},
	"github.com/peterbourgon/ff/v3/ffcli.Command": {"Exec": true},
	"github.com/peterbourgon/ff/v4.Command":       {"Exec": true},
}

// commandBodyMethods are, per command type, the methods that register
// the function doing the command's work: kingpin's cmd.Action(fn) is
// cobra's Run: fn. Hooks (PreAction, Validate) are not the command's
// output and are not listed.
var commandBodyMethods = map[string]map[string]bool{
	"github.com/alecthomas/kingpin.CmdClause":      {"Action": true},
	"github.com/alecthomas/kingpin.Application":    {"Action": true},
	"github.com/alecthomas/kingpin/v2.CmdClause":   {"Action": true},
	"github.com/alecthomas/kingpin/v2.Application": {"Action": true},
	"gopkg.in/alecthomas/kingpin.v2.CmdClause":     {"Action": true},
	"gopkg.in/alecthomas/kingpin.v2.Application":   {"Action": true},
}

// commandOutput reports whether a print sink named name, called in fn,
// writes a command's output: stdout, from the body of a command.
func commandOutput(fn *ssa.Function, name string) bool {
	if strings.Contains(name, "Stderr") || !strings.HasPrefix(name, "fmt.") {
		return false
	}
	if fn == nil || fn.Pkg == nil {
		return commandBody(fn) || programBody(fn) || interactive(fn)
	}
	// Asked at every print a credential reaches, in fn or in a helper
	// fn hands it to: the answer is kept per function.
	ix := cliIndexOf(fn.Pkg)
	if v, ok := ix.output[fn]; ok {
		return v
	}
	v := commandBody(fn) || programBody(fn) || interactive(fn)
	ix.output[fn] = v
	return v
}

// A conversation at the terminal.
//
// A function that reads what the person at the terminal types (a
// prompt's answer or a password read without echo: promptui, x/term's
// ReadPassword, gopass, speakeasy, prompter, promptkit; an answer with
// fmt.Scan, Scanln or Scanf; a line from a bufio reader or scanner on
// os.Stdin: the one table of internal/terminal), or that calls a
// function of its package that does, is talking to that person. What
// it prints to stdout is shown to them, as a command's output is
// (answer's password reset prompt shows the random password it
// generates when the person leaves the prompt empty). Logs and stderr are judged as
// before, and so is a function whose only terminal read is two calls
// away, and one that also serves (calls a Listen* or Serve* function or
// method itself): a server's stdout is its log, whatever it read from
// stdin at start.

// interactive reports whether fn, or a function of its package it calls
// directly, reads the terminal.
func interactive(fn *ssa.Function) bool {
	if fn == nil || serves(fn) {
		// A server given its secret on stdin (piped, or typed at a
		// prompt at start) still logs to its stdout.
		return false
	}
	if readsTerminal(fn) {
		return true
	}
	for _, in := range instrs(fn.Blocks) {
		call, ok := in.(ssa.CallInstruction)
		if !ok {
			continue
		}
		callee := call.Common().StaticCallee()
		if callee != nil && callee != fn && callee.Pkg != nil && callee.Pkg == fn.Pkg && readsTerminal(callee) {
			return true
		}
	}
	return false
}

// readsTerminal reports whether fn itself reads the terminal: it calls
// a function of the shared table (internal/terminal) that returns what
// the user typed (a prompt's answer, a password read without echo:
// promptui, x/term, gopass, speakeasy, prompter, promptkit), that scans
// os.Stdin into variables (fmt.Scan*), or that wraps os.Stdin in a
// reader or scanner (bufio). Whoever is at the other end of stdin, a
// person or a script piping to it, reads what the function prints to
// stdout; a server is kept out by interactive, not here.
func readsTerminal(fn *ssa.Function) bool {
	for _, in := range instrs(fn.Blocks) {
		call, ok := in.(ssa.CallInstruction)
		if !ok {
			continue
		}
		callee := call.Common().StaticCallee()
		if callee == nil {
			continue
		}
		obj, _ := callee.Object().(*types.Func)
		switch terminal.Of(obj) {
		case terminal.Answer, terminal.Fill:
			return true
		case terminal.Wrap:
			if args := call.Common().Args; len(args) > 0 && isStdin(args[0]) {
				return true
			}
		}
	}
	return false
}

// isStdin reports whether v is os.Stdin (loaded from the global,
// possibly converted to an interface).
func isStdin(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	ld, ok := v.(*ssa.UnOp)
	if !ok {
		return false
	}
	g, ok := ld.X.(*ssa.Global)
	return ok && terminal.Stdin(g.Object())
}

// commandBody reports whether fn is a function literal stored in the
// body field of a command-line command, or a named function of the
// package stored there (Action: generateKey).
func commandBody(fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	if fn.Parent() == nil {
		return namedCommandBody(fn) || commandDelegate(fn, 0)
	}
	return commandClosure(fn) || storedLiteral(fn)
}

// namedCommandBody reports whether a named function is stored in a
// command's body field by a function of its package. A named function
// has no referrers in SSA, so the package's functions are searched for
// the store.
func namedCommandBody(fn *ssa.Function) bool {
	if fn.Pkg == nil {
		return false
	}
	ix := cliIndexOf(fn.Pkg)
	if v, ok := ix.named[fn]; ok {
		return v
	}
	v := namedCommandBodyOf(fn)
	ix.named[fn] = v
	return v
}

func namedCommandBodyOf(fn *ssa.Function) bool {
	if fn.Signature.Recv() != nil {
		return methodCommandBody(fn)
	}
	if tableCommand(fn) || builtBody(fn) {
		return true
	}
	// A named function the package also calls directly is a helper as
	// well as a command's body: its prints are not only the command's
	// output. Unless every such call is made by another command's body
	// (an alias command reusing the body: doppler's `enclave configs
	// tokens create` Run calling createConfigsTokens, itself stored as
	// `configs tokens create`'s Run): then the function runs only as a
	// command.
	return storedNamed(fn, func(caller *ssa.Function) bool {
		return caller == fn || storedBody(caller)
	})
}

// storedNamed reports whether the named function fn is stored in a
// command's body field by a function of its package, and every function
// of the package that calls it passes callerOK.
func storedNamed(fn *ssa.Function, callerOK func(*ssa.Function) bool) bool {
	ix := cliIndexOf(fn.Pkg)
	for _, site := range ix.calls[fn] {
		if site.call.Value == ssa.Value(fn) && !callerOK(site.caller) {
			return false
		}
	}
	for _, st := range ix.stores {
		val := st.Val
		if ct, ok := val.(*ssa.ChangeType); ok {
			// Stored as the field's named type (ActionFunc).
			val = ct.X
		}
		if val == ssa.Value(fn) || wrapsFunc(val, fn) {
			return true
		}
	}
	for _, c := range ix.registers {
		if bodyArg(c, func(a ssa.Value) bool { return a == ssa.Value(fn) || wrapsFunc(a, fn) }) {
			return true
		}
	}
	return false
}

// storedBody reports whether caller is itself a command's body: a
// function literal stored in a body field, or a named function or bound
// method stored there that nothing calls (the strict forms, without
// delegates or alias callers, so that no chain of calls is followed).
func storedBody(caller *ssa.Function) bool {
	if caller.Parent() != nil {
		return storedLiteral(caller)
	}
	if caller.Signature.Recv() != nil {
		return methodCommandBody(caller)
	}
	ix := cliIndexOf(caller.Pkg)
	if v, ok := ix.stored[caller]; ok {
		return v
	}
	v := storedNamed(caller, func(*ssa.Function) bool { return false })
	ix.stored[caller] = v
	return v
}

// storedLiteral reports whether the function literal lit is stored in
// a command's body field (directly, or as the field's named type).
func storedLiteral(lit *ssa.Function) bool {
	var v ssa.Value = lit
	refs := lit.Referrers()
	if len(lit.FreeVars) > 0 {
		// A closure is used through its MakeClosure.
		for _, r := range instrs(lit.Parent().Blocks) {
			if mc, ok := r.(*ssa.MakeClosure); ok && mc.Fn == lit {
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
		if ct, ok := r.(*ssa.ChangeType); ok {
			// Stored as the field's named type (urfave/cli's
			// ActionFunc).
			for _, cr := range *ct.Referrers() {
				if st, ok := cr.(*ssa.Store); ok && st.Val == ct && bodyField(st) {
					return true
				}
				if call, ok := cr.(ssa.CallInstruction); ok && bodyArg(call.Common(), func(a ssa.Value) bool { return a == v }) {
					return true
				}
			}
		}
		if st, ok := r.(*ssa.Store); ok && st.Val == v && bodyField(st) {
			return true
		}
		if call, ok := r.(ssa.CallInstruction); ok && bodyArg(call.Common(), func(a ssa.Value) bool { return a == v }) {
			return true
		}
		if call, ok := r.(*ssa.Call); ok && adapterStored(call) {
			// Run: cli.WithSignalContext(func(c, args, cancel) {…}):
			// an adapter wraps the literal into the body it returns.
			return true
		}
	}
	return false
}

// adapterStored reports whether the result of call, possibly converted
// to the field's named type, is stored in a command's body field.
func adapterStored(call *ssa.Call) bool {
	refs := call.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val == ssa.Value(call) && bodyField(r) {
				return true
			}
		case *ssa.ChangeType:
			for _, cr := range *r.Referrers() {
				if st, ok := cr.(*ssa.Store); ok && st.Val == ssa.Value(r) && bodyField(st) {
					return true
				}
			}
		}
	}
	return false
}

// bodyArg reports whether c registers a command's body (a method of
// commandBodyMethods) with an argument that is, possibly converted to
// the method's named function type, a value it accepts.
func bodyArg(c *ssa.CallCommon, is func(ssa.Value) bool) bool {
	if !registersBody(c) {
		return false
	}
	for _, a := range c.Args[1:] {
		if ct, ok := a.(*ssa.ChangeType); ok {
			a = ct.X // passed as the method's named type (kingpin.Action)
		}
		if is(a) {
			return true
		}
	}
	return false
}

// bodyField reports whether a store writes a command type's body field
// (cobra's Run or RunE, urfave/cli's Action).
func bodyField(st *ssa.Store) bool {
	fa, ok := st.Addr.(*ssa.FieldAddr)
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

// programBody reports whether fn is the main function of package main
// and does not itself start a server, or main's delegate (below).
func programBody(fn *ssa.Function) bool {
	if fn == nil || fn.Parent() != nil || fn.Signature.Recv() != nil || fn.Pkg == nil || fn.Pkg.Pkg.Name() != "main" {
		return false
	}
	if fn.Name() != "main" {
		return mainDelegate(fn)
	}
	if fn.Signature.Params().Len() != 0 {
		return false
	}
	return !serves(fn)
}

// mainDelegate reports whether fn is main's delegate: the idiom
// func main() { if err := run(); err != nil { log.Fatal(err) } } moves
// the program's body into a function of package main that main alone
// calls. Such a function is the program's body when main is (it serves
// nothing) and it serves nothing itself, and when it is handed no text
// to show (no string, []byte or interface parameter): a helper that
// prints what its callers pass it (show(token string)) is judged as
// before, wherever it is called from. headscale's cmd/dev prints the
// pre-auth key it has just created for the developer to paste from
// run(), called by main.
func mainDelegate(fn *ssa.Function) bool {
	if !showsNoText(fn.Signature) {
		return false
	}
	var main *ssa.Function
	onlyMain := true
	var visit func(f *ssa.Function)
	visit = func(f *ssa.Function) {
		for _, in := range instrs(f.Blocks) {
			if call, ok := in.(ssa.CallInstruction); ok && call.Common().StaticCallee() == fn {
				if f.Name() == "main" && f.Parent() == nil && f.Signature.Recv() == nil {
					main = f
				} else {
					onlyMain = false
				}
				continue
			}
			if _, ok := in.(*ssa.DebugRef); ok {
				continue // the name in the source, not a use
			}
			for _, op := range in.Operands(nil) {
				if op != nil && *op == ssa.Value(fn) {
					onlyMain = false // used as a value: called from anywhere
				}
			}
		}
		for _, a := range f.AnonFuncs {
			visit(a)
		}
	}
	for _, m := range fn.Pkg.Members {
		if f, ok := m.(*ssa.Function); ok && f != fn {
			visit(f)
		}
	}
	return onlyMain && main != nil && main.Signature.Params().Len() == 0 && !serves(main) && !serves(fn)
}

// A program's command table.
//
// A program without a command framework often has its own: a package
// variable pairing each subcommand's name with the function that runs
// it ([]struct{name string; fn func(*cmd)}{{"quickstart",
// cmdQuickstart}, ...} in mox, or map[string]func(args []string)). Each
// function so listed is a command's body: what it prints to stdout is
// the command's output (mox's quickstart prints the password it has
// just generated for the first account, its only way to tell the
// operator). The function must be of package main, be used only as a
// table entry (no direct call: a helper's prints are not only the
// command's), show no text it is handed (showsNoText) and serve nothing:
// `mox serve` is listed too, and a server's stdout is its log.

// tableCommand reports whether fn is a body in a command table.
func tableCommand(fn *ssa.Function) bool {
	if fn.Pkg == nil || fn.Pkg.Pkg.Name() != "main" || fn.Parent() != nil || fn.Signature.Recv() != nil ||
		!showsNoText(fn.Signature) || serves(fn) {
		return false
	}
	entries := 0
	for _, f := range packageFuncs(fn.Pkg) {
		for _, in := range instrs(f.Blocks) {
			if _, ok := in.(*ssa.DebugRef); ok {
				continue
			}
			used := false
			for _, op := range in.Operands(nil) {
				if op != nil && *op == ssa.Value(fn) {
					used = true
				}
			}
			if !used {
				continue
			}
			if !tableEntry(in, fn) {
				return false
			}
			entries++
		}
	}
	return entries > 0
}

// tableEntry reports whether in puts fn into a command table next to a
// constant name: a map update under a constant string key, or a store
// into a struct field whose struct also gets a constant string in
// another field.
func tableEntry(in ssa.Instruction, fn *ssa.Function) bool {
	switch in := in.(type) {
	case *ssa.MapUpdate:
		c, ok := in.Key.(*ssa.Const)
		return ok && in.Value == ssa.Value(fn) && c.Value != nil && c.Value.Kind() == constant.String
	case *ssa.Store:
		fa, ok := in.Addr.(*ssa.FieldAddr)
		if !ok || in.Val != ssa.Value(fn) {
			return false
		}
		for _, r := range *fa.X.Referrers() {
			other, ok := r.(*ssa.FieldAddr)
			if !ok || other == fa {
				continue
			}
			for _, rr := range *other.Referrers() {
				if st, ok := rr.(*ssa.Store); ok && st.Addr == other {
					if c, ok := st.Val.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
						return true
					}
				}
			}
		}
	}
	return false
}

// showsNoText reports whether sig takes nothing a function could print
// as it was handed: no string, []byte or interface parameter (a
// context aside).
func showsNoText(sig *types.Signature) bool {
	params := sig.Params()
	for i := 0; i < params.Len(); i++ {
		t := params.At(i).Type()
		if textual.Type(t) {
			return false
		}
		if _, ok := t.Underlying().(*types.Interface); ok && !isContext(t) {
			return false
		}
	}
	return true
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// serves reports whether fn itself calls a Listen*, Serve* or
// ListenAndServe* function or method: a server's stdout is its log.
func serves(fn *ssa.Function) bool {
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
			return true
		}
	}
	return false
}

// wrapsFunc reports whether v is the result of a call handed fn as an
// argument: an adapter that turns a function of another signature into
// a command's body (caddy's RunE = WrapCommandFuncForCobra(cmdToken)).
// The adapter runs fn as the command: fn is the command's body.
func wrapsFunc(v ssa.Value, fn *ssa.Function) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	for _, a := range call.Call.Args {
		if ct, ok := a.(*ssa.ChangeType); ok {
			a = ct.X // passed as the adapter's named type (CommandFunc)
		}
		if a == ssa.Value(fn) {
			return true
		}
	}
	return false
}

// commandDelegate reports whether fn, a named function without a
// receiver, is a command's delegate: the idiom Run: func(cmd, args) {
// genToken(cmd, cfgFile, user) } moves the command's work into a
// function of the package, and every use of that function is a call
// from the body of a command (a literal or named body, or another
// delegate). What it prints to stdout is then that command's output,
// whatever its parameters hold: each of its callers is a command. A
// function also called from any other code, or used as a value (stored,
// passed, deferred through a variable), is judged as before; so is a
// function with no caller in the package (exported: its callers are not
// visible), and one that serves (a server's stdout is its log).
func commandDelegate(fn *ssa.Function, depth int) bool {
	if depth > 6 || fn.Pkg == nil || fn.Parent() != nil {
		return false
	}
	ix := cliIndexOf(fn.Pkg)
	key := delegateKey{fn, depth}
	if v, ok := ix.delegate[key]; ok {
		return v
	}
	// A question met again while it is being answered (a closure of fn
	// that calls fn, whose enclosing function is asked at depth 0) is a
	// cycle: no.
	ix.delegate[key] = false
	v := commandDelegateOf(ix, fn, depth)
	ix.delegate[key] = v
	return v
}

func commandDelegateOf(ix *cliIndex, fn *ssa.Function, depth int) bool {
	if serves(fn) {
		return false
	}
	if fn.Signature.Recv() != nil && !privateMethod(fn) {
		return false
	}
	if ix.usedAsValue(fn) {
		return false // used as a value: called from anywhere
	}
	callers := 0
	for _, site := range ix.calls[fn] {
		f := site.caller
		if f == fn {
			continue
		}
		callers++
		if !(commandBodyOnly(f) || (f.Parent() == nil && commandDelegate(f, depth+1))) {
			return false
		}
	}
	return callers > 0
}

// commandBodyOnly is commandBody without delegates: a literal or named
// function stored as a command's body.
func commandBodyOnly(fn *ssa.Function) bool {
	if fn.Parent() == nil {
		return namedCommandBody(fn)
	}
	return commandBody(fn)
}

// packageFuncs lists the functions of pkg: its functions, the methods
// of its types, and the function literals inside them.
func packageFuncs(pkg *ssa.Package) []*ssa.Function {
	var out []*ssa.Function
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		out = append(out, f)
		for _, a := range f.AnonFuncs {
			add(a)
		}
	}
	for _, f := range topFuncs(pkg) {
		add(f)
	}
	for _, m := range pkg.Members {
		switch m := m.(type) {
		case *ssa.Type:
			if types.IsInterface(m.Type()) {
				continue
			}
			if n, ok := types.Unalias(m.Type()).(*types.Named); ok && n.TypeParams().Len() > 0 {
				continue // generic: its methods are built per instance
			}
			for _, t := range []types.Type{m.Type(), types.NewPointer(m.Type())} {
				ms := pkg.Prog.MethodSets.MethodSet(t)
				for i := 0; i < ms.Len(); i++ {
					if f := pkg.Prog.MethodValue(ms.At(i)); f != nil && f.Pkg == pkg && f.Synthetic == "" {
						add(f)
					}
				}
			}
		}
	}
	return out
}

// topFuncs lists the package-level functions of pkg, with its init
// functions (init#1, ...), which are not members: a command is often
// registered from one (caddy's RegisterCommand in init).
func topFuncs(pkg *ssa.Package) []*ssa.Function {
	var out []*ssa.Function
	for _, m := range pkg.Members {
		if f, ok := m.(*ssa.Function); ok {
			out = append(out, f)
		}
	}
	if init := pkg.Func("init"); init != nil {
		for _, in := range instrs(init.Blocks) {
			if call, ok := in.(ssa.CallInstruction); ok {
				if f := call.Common().StaticCallee(); f != nil && f.Pkg == pkg && strings.HasPrefix(f.Name(), "init#") {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// Commands held by a struct.
//
// A command often lives in a struct of its flags, and its body is a
// method: RunE: lc.runListenCmd stores the bound method value (a
// closure of the method's bound wrapper) in the body field, and the
// body hands its work to other methods of the struct
// (scc.outputResult). Such a method is a command's body like a named
// function stored there, and an unexported method that only command
// bodies call is a delegate like a function (stripe-cli's `listen
// --print-secret` and `sandbox create`, which show the user the keys
// they asked for). A method also called from other code, used as a
// value elsewhere (bound, or a method expression), exported (its
// callers are out of sight) or named by an interface call of the
// package is judged as before.
//
// A function literal made inside a command's body or delegate (a
// visitor's callback, a progress printer) runs as part of that command:
// what it prints to stdout is the command's output too, unless a
// function it is made in serves, or it is itself an HTTP handler (a
// server's stdout is its log).

// methodCommandBody reports whether the method fn is stored as a bound
// method value in a command's body field by a function of its package,
// and is not also called directly.
func methodCommandBody(fn *ssa.Function) bool {
	ix := cliIndexOf(fn.Pkg)
	for _, site := range ix.calls[fn] {
		if site.caller != fn {
			return false // called directly
		}
	}
	for _, st := range ix.stores {
		val := st.Val
		if ct, ok := val.(*ssa.ChangeType); ok {
			val = ct.X
		}
		if wrapperOf(val, fn) {
			return true
		}
		if call, ok := val.(*ssa.Call); ok {
			for _, a := range call.Call.Args {
				if ct, ok := a.(*ssa.ChangeType); ok {
					a = ct.X
				}
				if wrapperOf(a, fn) {
					return true
				}
			}
		}
	}
	for _, c := range ix.registers {
		if bodyArg(c, func(a ssa.Value) bool { return wrapperOf(a, fn) }) {
			return true
		}
	}
	return false
}

// wrapperOf reports whether v is the method fn as a value: a closure of
// its bound wrapper (x.m) or its thunk (T.m).
func wrapperOf(v ssa.Value, fn *ssa.Function) bool {
	if mc, ok := v.(*ssa.MakeClosure); ok {
		v = mc.Fn
	}
	w, ok := v.(*ssa.Function)
	return ok && w != fn && w.Synthetic != "" && fn.Object() != nil && w.Object() == fn.Object()
}

// privateMethod reports whether the method fn is unexported and no
// interface call of its package names it: its callers are all in sight.
func privateMethod(fn *ssa.Function) bool {
	if fn.Object() == nil || fn.Object().Exported() {
		return false
	}
	return !cliIndexOf(fn.Pkg).invoked[fn.Name()]
}

// commandClosure reports whether fn, a function literal, is made inside
// a command's body or delegate (at any depth), serves nothing, is no
// HTTP handler, and none of the functions it is made in serves.
func commandClosure(fn *ssa.Function) bool {
	if isHandlerSig(fn.Signature) {
		return false
	}
	for f := fn; f != nil; f = f.Parent() {
		if serves(f) || isHandlerSig(f.Signature) {
			return false
		}
		if f.Parent() == nil {
			return f != fn && commandBodyOnly(f) || commandDelegate(f, 0)
		}
		if f != fn && commandBody(f) {
			return true
		}
	}
	return false
}

// isHandlerSig reports whether sig is an HTTP handler's
// (http.ResponseWriter, *http.Request).
func isHandlerSig(sig *types.Signature) bool {
	p := sig.Params()
	if p.Len() != 2 {
		return false
	}
	n, ok := types.Unalias(p.At(0).Type()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "ResponseWriter"
}
