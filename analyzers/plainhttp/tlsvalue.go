package plainhttp

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/optin"
	"github.com/authvet/authvet/analyzers/internal/ssabuild"
	"golang.org/x/tools/go/ssa"
)

// The values of tls.Config fields that are not constants in the source
// are followed through the package's SSA form, built on first use in
// debug mode so that every expression maps to its value. A local
// variable holding a constant (v := tls.VersionTLS10; cfg.MinVersion = v),
// or one of several constants set in branches, is judged like the
// constant. A value the user controls (a flag, an environment variable,
// an option named insecure) is an opt-in, and one that cannot be decided
// is not judged at all.

// tlsSSA is the package's SSA form and what was learnt from it.
type tlsSSA struct {
	pkg   *ssa.Package
	funcs []*ssa.Function
	// bound holds the globals and struct fields whose address is handed
	// to a command-line or environment package (flag.BoolVar(&insecure,
	// …), fs.BoolVar(&cfg.K, "k", …)) or that are assigned such a
	// package's result (var insecure = flag.Bool(…)).
	bound map[types.Object]bool
	// noTags, while set, leaves configuration-tagged fields out of
	// userControlled: in an if's condition a setting may choose TLS
	// itself (if cfg.LdapNeedTLS { DialTLS(…, insecure) }), not how it
	// verifies (userCondition).
	noTags bool
	// probes holds the functions that read the certificates a server
	// presented after a client handshake; nil until first asked.
	probes map[*ssa.Function]bool
}

func (c *checker) ssaForm() *tlsSSA {
	if c.ssa != nil {
		return c.ssa
	}
	res := ssabuild.Get(c.pass) // built once for the package, shared with the other SSA analyzers
	s := &tlsSSA{pkg: res.Pkg, bound: map[types.Object]bool{}}
	c.ssa = s
	funcs := res.SrcFuncs
	if init := res.Pkg.Func("init"); init != nil {
		funcs = append(funcs, init)
	}
	s.funcs = funcs
	boundObj := func(v ssa.Value) types.Object {
		switch v := v.(type) {
		case *ssa.Global:
			return v.Object()
		case *ssa.FieldAddr:
			return fieldOf(v.X.Type(), v.Field)
		}
		return nil
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Call:
					if !userCall(&in.Call) {
						continue
					}
					for _, a := range in.Call.Args {
						if o := boundObj(a); o != nil {
							s.bound[o] = true
						}
					}
				case *ssa.Store:
					if call, ok := in.Val.(*ssa.Call); ok && userCall(&call.Call) {
						if o := boundObj(in.Addr); o != nil {
							s.bound[o] = true
						}
					}
				}
			}
		}
	}
	return s
}

// fieldOf returns field i of the struct t points to (or is).
func fieldOf(t types.Type, i int) *types.Var {
	if st := structWith(t, i); st != nil {
		return st.Field(i)
	}
	return nil
}

// fieldTag returns the tag of field i of the struct t points to (or is).
func fieldTag(t types.Type, i int) string {
	if st := structWith(t, i); st != nil {
		return st.Tag(i)
	}
	return ""
}

// structWith returns the struct t points to (or is) when it has a field
// i, else nil.
func structWith(t types.Type, i int) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if st, ok := t.Underlying().(*types.Struct); ok && i < st.NumFields() {
		return st
	}
	return nil
}

// enclosingFunc returns the SSA function of the innermost function
// around the top of stack.
func (c *checker) enclosingFunc(stack []ast.Node) *ssa.Function {
	path := make([]ast.Node, len(stack))
	for i, n := range stack {
		path[len(stack)-1-i] = n
	}
	return ssa.EnclosingFunction(c.ssaForm().pkg, path)
}

// valueOf returns the SSA value of the expression e of the function
// around the top of stack, or nil.
func (c *checker) valueOf(e ast.Expr, stack []ast.Node) ssa.Value {
	fn := c.enclosingFunc(stack)
	if fn == nil {
		return nil
	}
	if v, isAddr := fn.ValueForExpr(e); !isAddr {
		return v
	}
	return nil
}

// reaching is a constant that may reach a use.
type reaching struct {
	val constant.Value
	// chosen is set when the constant is set only on a path decided by
	// a value the user controls (if *insecure { skip = true }).
	chosen bool
}

// constants returns the constants v may hold. ok is false when some path
// gives a value that is not a constant.
func (s *tlsSSA) constants(v ssa.Value, seen map[ssa.Value]bool) (out []reaching, ok bool) {
	if seen[v] {
		return nil, true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return nil, false
		}
		return []reaching{{val: v.Value}}, true
	case *ssa.Convert:
		return s.constants(v.X, seen)
	case *ssa.ChangeType:
		return s.constants(v.X, seen)
	case *ssa.Phi:
		for i, e := range v.Edges {
			sub, ok := s.constants(e, seen)
			if !ok {
				return nil, false
			}
			if i < len(v.Block().Preds) && s.chosenBlock(v.Block().Preds[i]) {
				for j := range sub {
					sub[j].chosen = true
				}
			}
			out = append(out, sub...)
		}
		return out, true
	}
	return nil, false
}

// chosenBlock reports whether b runs only as decided by a condition the
// user controls: one of its dominators ends in such an if.
func (s *tlsSSA) chosenBlock(b *ssa.BasicBlock) bool {
	for ; b != nil; b = b.Idom() {
		if len(b.Instrs) == 0 {
			continue
		}
		if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && s.userControlled(iff.Cond, map[ssa.Value]bool{}) {
			return true
		}
	}
	return false
}

// userPkgs are the packages whose results are command-line flags,
// environment variables or configuration the user sets.
var userPkgs = []string{
	"flag", "github.com/spf13/pflag", "github.com/spf13/cobra", "github.com/spf13/viper",
	"github.com/urfave/cli", "github.com/urfave/cli/v2", "github.com/urfave/cli/v3",
	"gopkg.in/alecthomas/kingpin.v2", "github.com/alecthomas/kingpin", "github.com/alecthomas/kingpin/v2",
	"github.com/alecthomas/kong", "github.com/jessevdk/go-flags", "github.com/peterbourgon/ff/v3",
	"github.com/peterbourgon/ff/v4",
}

// userCall reports whether the call reads a flag, an environment
// variable or a configuration value.
func userCall(c *ssa.CallCommon) bool {
	var obj types.Object
	if c.IsInvoke() {
		obj = c.Method
	} else if f := c.StaticCallee(); f != nil {
		obj = f.Object()
	}
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	path := trimVendor(obj.Pkg().Path())
	if path == "os" {
		return obj.Name() == "Getenv" || obj.Name() == "LookupEnv"
	}
	for _, p := range userPkgs {
		if path == p {
			return true
		}
	}
	return false
}

// passThroughPkgs are packages whose functions give a value derived from
// their arguments: strconv.ParseBool(os.Getenv("TLS_INSECURE")).
var passThroughPkgs = map[string]bool{"strconv": true, "strings": true}

// insecureOptionWords in a field's name, lower case with separators
// removed, say that it is an option to turn verification off.
var insecureOptionWords = []string{"insecure", "skipverif", "noverif", "skiptls", "tlsskip",
	"disableverif", "skipcert", "nocheckcert", "disabletlsverif", "tlsnoverif"}

func insecureOptionName(name string) bool {
	n := strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(name))
	for _, w := range insecureOptionWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// userControlled reports whether v derives from a value the user
// controls: a flag, an environment variable, a global or field bound to
// one, or a configuration field named as an insecure option.
func (s *tlsSSA) userControlled(v ssa.Value, seen map[ssa.Value]bool) bool {
	if v == nil || seen[v] {
		return false
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Call:
		if userCall(&v.Call) {
			return true
		}
		// strconv.ParseBool(os.Getenv(…)), or a helper giving a bool
		// from its arguments (ptr.Deref(opts.InsecureSkipTLSVerify, false)).
		f := v.Call.StaticCallee()
		pass := f != nil && f.Pkg != nil && passThroughPkgs[f.Pkg.Pkg.Path()]
		if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			pass = true
		}
		if pass {
			for _, a := range v.Call.Args {
				if s.userControlled(a, seen) {
					return true
				}
			}
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if o := s.addrObj(v.X); o != nil && (s.bound[o] || isField(o) && insecureOptionName(o.Name())) {
				return true
			}
			if fa, ok := v.X.(*ssa.FieldAddr); ok && !s.noTags && optin.ConfigTagged(fieldTag(fa.X.Type(), fa.Field)) {
				return true // a field filled from the environment, a flag or a config file
			}
		}
		return s.userControlled(v.X, seen)
	case *ssa.Global:
		return s.bound[v.Object()]
	case *ssa.Field:
		o := fieldOf(v.X.Type(), v.Field)
		return o != nil && (s.bound[o] || insecureOptionName(o.Name()) || !s.noTags && optin.ConfigTagged(fieldTag(v.X.Type(), v.Field)))
	case *ssa.FieldAddr:
		o := fieldOf(v.X.Type(), v.Field)
		return o != nil && (s.bound[o] || insecureOptionName(o.Name()) || !s.noTags && optin.ConfigTagged(fieldTag(v.X.Type(), v.Field)))
	case *ssa.BinOp:
		return s.userControlled(v.X, seen) || s.userControlled(v.Y, seen)
	case *ssa.Convert:
		return s.userControlled(v.X, seen)
	case *ssa.ChangeType:
		return s.userControlled(v.X, seen)
	case *ssa.Extract:
		return s.userControlled(v.Tuple, seen)
	case *ssa.Phi:
		for _, e := range v.Edges {
			if s.userControlled(e, seen) {
				return true
			}
		}
	}
	return false
}

func (s *tlsSSA) addrObj(v ssa.Value) types.Object {
	switch v := v.(type) {
	case *ssa.Global:
		return v.Object()
	case *ssa.FieldAddr:
		if o := fieldOf(v.X.Type(), v.Field); o != nil {
			return o
		}
	}
	return nil
}

func isField(o types.Object) bool {
	v, ok := o.(*types.Var)
	return ok && v.IsField()
}

// userCondition reports whether an if statement around the top of stack
// that decides whether it runs has a condition the user controls (if
// *insecure {…}, if os.Getenv("TLS_INSECURE") == "1" {…}). Conditions
// outside a function literal count too: a closure made only under the
// condition (if cfg.InsecureSkipTLSVerify { client := build(func(tr
// *http.Transport) {…}) }) exists only when the user asked. An early
// return on such a condition decides the same way (if !c.SkipVerify {
// return ctx }).
func (c *checker) userCondition(stack []ast.Node) bool {
	type cond struct {
		e  ast.Expr
		at int // index in stack of the if statement
		// tag: the value of a switch, whose cases name the modes a
		// setting selects (case "CERT_NONE"); a configuration field
		// counts there, not in an if's condition.
		tag bool
	}
	var conds []cond
outer:
	for i := len(stack) - 2; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncDecl:
			break outer
		case *ast.BlockStmt:
			for _, g := range optin.EarlyReturns(s, stack[i+1]) {
				conds = append(conds, cond{g.Cond, i, false})
			}
		case *ast.IfStmt:
			if stack[i+1] != s.Init && stack[i+1] != s.Cond {
				conds = append(conds, cond{s.Cond, i, false})
			}
		case *ast.CaseClause:
			// switch { case *insecure: … } decides like an if.
			for _, e := range optin.CaseConds(stack, i) {
				conds = append(conds, cond{e, i, false})
			}
			// switch mode { case "none": … } on a value the user sets.
			if tag := optin.CaseTag(stack, i); tag != nil {
				conds = append(conds, cond{tag, i, true})
			}
		}
	}
	if len(conds) == 0 {
		return false
	}
	s := c.ssaForm()
	for _, k := range conds {
		fn := c.enclosingFunc(stack[:k.at+1])
		if fn == nil {
			continue
		}
		var user func(e ast.Expr) bool
		user = func(e ast.Expr) bool {
			switch e := ast.Unparen(e).(type) {
			case *ast.BinaryExpr:
				if e.Op == token.LAND || e.Op == token.LOR {
					return user(e.X) || user(e.Y)
				}
			case *ast.UnaryExpr:
				if e.Op == token.NOT {
					return user(e.X)
				}
			}
			v, isAddr := fn.ValueForExpr(e)
			return v != nil && !isAddr && s.userControlled(v, map[ssa.Value]bool{})
		}
		s.noTags = !k.tag
		u := user(k.e)
		s.noTags = false
		if u {
			return true
		}
	}
	return false
}

// probesAt reports whether fn, or the function it is declared in, reads
// the certificates a server presented to a client (conn.ConnectionState()
// .PeerCertificates, resp.TLS.PeerCertificates), which is what a TLS
// probing or scanning tool does with a connection it did not verify. In
// a command (package main) any function of the package counts.
func (s *tlsSSA) probesAt(fn *ssa.Function) bool {
	if s.probes == nil {
		s.probes = map[*ssa.Function]bool{}
		for _, f := range s.funcs {
			if !readsServerCerts(f) {
				continue
			}
			s.probes[outermost(f)] = true
		}
	}
	if fn == nil {
		return false
	}
	if s.probes[outermost(fn)] {
		return true
	}
	return s.pkg.Pkg.Name() == "main" && len(s.probes) > 0
}

func outermost(f *ssa.Function) *ssa.Function {
	for f.Parent() != nil {
		f = f.Parent()
	}
	return f
}

// readsServerCerts reports whether f reads PeerCertificates of the state
// of a client connection.
func readsServerCerts(f *ssa.Function) bool {
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			var x ssa.Value
			var i int
			switch in := instr.(type) {
			case *ssa.Field:
				x, i = in.X, in.Field
			case *ssa.FieldAddr:
				x, i = in.X, in.Field
			default:
				continue
			}
			fld := fieldOf(x.Type(), i)
			if fld == nil || fld.Name() != "PeerCertificates" || !isNamed(x.Type(), "crypto/tls", "ConnectionState") {
				continue
			}
			if clientState(x, map[ssa.Value]bool{}) {
				return true
			}
		}
	}
	return false
}

// clientState reports whether the connection state v comes from the
// client side of a connection: (*tls.Conn).ConnectionState() of a
// connection not made by tls.Server, or an http.Response's TLS field
// (an http.Request's is the server's view of its client).
func clientState(v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return false
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Call:
		f := v.Call.StaticCallee()
		if f == nil || f.Object() == nil || f.Object().Pkg() == nil || f.Object().Pkg().Path() != "crypto/tls" || f.Object().Name() != "ConnectionState" {
			return false
		}
		if len(v.Call.Args) > 0 {
			if c, ok := v.Call.Args[0].(*ssa.Call); ok {
				if g := c.Call.StaticCallee(); g != nil && g.Object() != nil && g.Object().Name() == "Server" {
					return false
				}
			}
		}
		return true
	case *ssa.UnOp:
		return v.Op == token.MUL && clientState(v.X, seen)
	case *ssa.Alloc:
		// state := conn.ConnectionState(); state.PeerCertificates
		for _, r := range *v.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == v && clientState(st.Val, seen) {
				return true
			}
		}
	case *ssa.FieldAddr:
		fld := fieldOf(v.X.Type(), v.Field)
		return fld != nil && fld.Name() == "TLS" && isNamed(v.X.Type(), "net/http", "Response")
	case *ssa.Field:
		fld := fieldOf(v.X.Type(), v.Field)
		return fld != nil && fld.Name() == "TLS" && isNamed(v.X.Type(), "net/http", "Response")
	case *ssa.Phi:
		for _, e := range v.Edges {
			if clientState(e, seen) {
				return true
			}
		}
	}
	return false
}
