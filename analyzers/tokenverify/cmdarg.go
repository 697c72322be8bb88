package tokenverify

import (
	"go/ast"
	"go/types"
	"strings"
)

// A value from the command line.
//
// A comparison with a command-line argument (os.Args, flag.Arg, the
// args []string a cobra command's Run or RunE receives, an urfave/cli
// context's Args) is the person at the terminal checking a value of
// their own: a CLI that asks before replacing the account token its
// configuration already holds (zrok's rebase command: args[0] !=
// env.AccountToken). Nobody remote times it, so the comparison is no
// authentication. Left alone. A server's flags are not arguments: a flag
// read once at start is the operator's configuration, judged as held
// (held.go).

// cmdArg reports whether e is, or indexes, a command-line argument list,
// following local variables.
func (c *pkgctx) cmdArg(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	e = ast.Unparen(e)
	if ix, ok := e.(*ast.IndexExpr); ok {
		e = ast.Unparen(ix.X)
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		fn := c.callee(e)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		switch fn.Pkg().Path() {
		case "flag", "github.com/spf13/pflag":
			return fn.Name() == "Arg" || fn.Name() == "Args"
		}
		// ctx.Args().Get(0), ctx.Args().First() of urfave/cli.
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && strings.HasPrefix(fn.Pkg().Path(), "github.com/urfave/cli") {
			return fn.Name() == "Args" || c.cmdArg(sel.X, depth+1)
		}
	case *ast.SelectorExpr:
		if pkg, ok := ast.Unparen(e.X).(*ast.Ident); ok {
			if pn, ok := c.info.Uses[pkg].(*types.PkgName); ok && pn.Imported().Path() == "os" && e.Sel.Name == "Args" {
				return true
			}
		}
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		if c.params[v] {
			return c.cmdArgs[v]
		}
		defs, obj := c.localDefs(e)
		if obj == nil || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.rhs == nil || !c.cmdArg(d.rhs, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// noteCommandArgs records the args parameter of a function shaped like a
// cobra command's Run, (cmd *cobra.Command, args []string), whatever
// the first parameter is named (or _).
func (c *pkgctx) noteCommandArgs(ft *ast.FuncType) {
	if ft.Params == nil || len(ft.Params.List) != 2 {
		return
	}
	first, second := ft.Params.List[0], ft.Params.List[1]
	if len(first.Names) > 1 || len(second.Names) != 1 {
		return
	}
	ptr, ok := c.info.TypeOf(first.Type).(*types.Pointer)
	if !ok {
		return
	}
	n, ok := ptr.Elem().(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "github.com/spf13/cobra" || n.Obj().Name() != "Command" {
		return
	}
	v, ok := c.info.Defs[second.Names[0]].(*types.Var)
	if !ok {
		return
	}
	if sl, ok := v.Type().(*types.Slice); ok {
		if b, ok := sl.Elem().(*types.Basic); ok && b.Kind() == types.String {
			if c.cmdArgs == nil {
				c.cmdArgs = map[*types.Var]bool{}
			}
			c.cmdArgs[v] = true
		}
	}
}
