package hardcodedcred

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/internal/testsupport"
)

// Two more shapes of the default-account rule (account.go):
//
//   - an account written field by field: a variable whose password field
//     is assigned a string literal (u.Password = "admin"), and which is
//     passed to a creating call (db.Create(u), s.SaveUser(&u)) or, being
//     of an account type (a type named for a user, account, admin, owner,
//     member or principal), also gets a username literal
//     (u.Username = "admin");
//   - an account created from literal arguments (CreateUser("admin",
//     "changeme")) by a function that stores its password parameter in
//     an account: the parameter is put, as it is or hashed, in a
//     password field of a struct the function creates (its name starts
//     with a creating verb, or the struct reaches a creating call), or
//     handed on to another such function. A function of this package is
//     summarised directly; one of another package through an
//     accountFact, so the literal is reported where it is written.
//
// Left alone, as for the literal form: values read at run time,
// placeholders, environment-variable names, empty values, hashes,
// _test.go files, variables and calling functions named as test data
// (fakeUser, seedTestUsers), and functions that take a password without
// storing it (Login(user, pass) checks it).

// fieldAccount is a variable whose account fields are assigned one by
// one.
type fieldAccount struct {
	password ast.Expr
	user     string
}

// recordFieldAssign notes v.Password = "…" and v.Username = "…".
func (c *checker) recordFieldAssign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || v.IsField() {
			continue
		}
		if _, isStruct := derefStruct(v.Type()); !isStruct {
			continue
		}
		fa := c.fieldAccounts[v]
		if fa == nil {
			fa = &fieldAccount{}
		}
		switch name := sel.Sel.Name; {
		case classifyName(name) == credname.Password && litOf(c.pass.TypesInfo, as.Rhs[i]) != nil:
			fa.password = as.Rhs[i]
		case userField(name):
			if s, ok := c.constString(as.Rhs[i]); ok && s != "" {
				fa.user = s
			}
		default:
			continue
		}
		c.fieldAccounts[v] = fa
	}
}

// accountTypeWords, in a type's name, say it is an account.
var accountTypeWords = map[string]bool{
	"user": true, "account": true, "admin": true, "owner": true, "member": true,
	"principal": true, "operator": true, "login": true,
}

func accountType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	for _, w := range credname.Words(n.Obj().Name()) {
		if accountTypeWords[w] {
			return true
		}
	}
	return false
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// defaultFieldAccounts reports the accounts written field by field.
func (c *checker) defaultFieldAccounts() {
	for v, fa := range c.fieldAccounts {
		if fa.password == nil || c.inTestSupport(fa.password) || fakeName(v.Name()) || fakeName(namedKey(v.Type())) {
			continue
		}
		call := c.createdVar[v]
		if call == "" && (fa.user == "" || !accountType(v.Type())) {
			continue
		}
		c.reportDefault(fa.password, fa.user, call, "a username and a fixed password set on one account")
	}
}

// inTestSupport reports whether n is in test-support code by authvet's
// one definition (internal/testsupport), the one the lint driver and
// the other analyzers use: a _test.go file, a file named as a double or
// as fixtures, a file built only under a test tag or importing a test
// harness, a function taking a testing type. An account such code
// creates is a test's fixture, not a default a deployment ships with.
func (c *checker) inTestSupport(n ast.Node) bool {
	if c.tests == nil {
		c.tests = testsupport.ForPass(c.pass)
	}
	_, ok := c.tests.At(n.Pos())
	return ok
}

// accountFact marks a function that stores its parameter Password
// (an index) as an account's password; User is the parameter stored as
// its username, or -1.
type accountFact struct {
	Password, User int
}

func (*accountFact) AFact() {}

func (f *accountFact) String() string {
	return fmt.Sprintf("stores password param %d", f.Password)
}

// summarizeAccounts finds the package's functions that store a password
// parameter in an account, exports their facts, and reports literal
// arguments given to them.
func (c *checker) summarizeAccounts(files []*ast.File) {
	decls := map[*types.Func]*ast.FuncDecl{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	// Two rounds: a function that hands its password on to another of
	// the package is known once that one is.
	for round := 0; round < 2; round++ {
		found := false
		for fn, fd := range decls {
			if _, done := c.storers[fn]; done {
				continue
			}
			if f, ok := c.storesPassword(fn, fd); ok {
				c.storers[fn] = f
				found = true
			}
		}
		if !found {
			break
		}
	}
	for fn, f := range c.storers {
		if fn.Exported() {
			f := f
			c.pass.ExportObjectFact(fn, &f)
		}
	}
	if len(c.storers) == 0 && len(c.pass.AllObjectFacts()) == 0 {
		// No function here or in a dependency stores a password.
		return
	}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fakeName(fd.Name.Name) {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && !c.inTestSupport(call) {
					c.literalAccountCall(call)
				}
				return true
			})
		}
	}
}

// storer returns the fact of the function call invokes, if it stores a
// password parameter.
func (c *checker) storer(call *ast.CallExpr) (*types.Func, accountFact, bool) {
	var fn *types.Func
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		fn, _ = c.pass.TypesInfo.Uses[f].(*types.Func)
	case *ast.SelectorExpr:
		fn, _ = c.pass.TypesInfo.Uses[f.Sel].(*types.Func)
	}
	if fn == nil {
		return nil, accountFact{}, false
	}
	if f, ok := c.storers[fn]; ok {
		return fn, f, true
	}
	var f accountFact
	if fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn, &f) {
		return fn, f, true
	}
	return nil, accountFact{}, false
}

// literalAccountCall reports CreateUser("admin", "changeme").
func (c *checker) literalAccountCall(call *ast.CallExpr) {
	fn, f, ok := c.storer(call)
	if !ok || f.Password >= len(call.Args) || call.Ellipsis.IsValid() {
		return
	}
	pw := call.Args[f.Password]
	if litOf(c.pass.TypesInfo, pw) == nil {
		return
	}
	user := ""
	if f.User >= 0 && f.User < len(call.Args) {
		user, _ = c.constString(call.Args[f.User])
	}
	c.reportDefault(pw, user, fn.Name(), "")
}

// storesPassword reports whether fd stores one of its string parameters
// as an account password, and which.
func (c *checker) storesPassword(fn *types.Func, fd *ast.FuncDecl) (accountFact, bool) {
	info := c.pass.TypesInfo
	params := map[*types.Var]int{}
	sig := fn.Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			params[p] = i
		}
	}
	if len(params) == 0 || !c.mayStore(fd.Body) {
		return accountFact{}, false
	}
	// derived maps local variables to the parameter they come from
	// (hash, _ := bcrypt.GenerateFromPassword([]byte(password), …)).
	derived := map[*types.Var]int{}
	for p, i := range params {
		derived[p] = i
	}
	origin := func(e ast.Expr) int {
		found := -1
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok {
					if i, ok := derived[v]; ok {
						found = i
					}
				}
			}
			return found < 0
		})
		return found
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for _, r := range as.Rhs {
			if i := origin(r); i >= 0 {
				for _, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if v, ok := info.ObjectOf(id).(*types.Var); ok && !v.IsField() {
							if _, isParam := params[v]; !isParam {
								derived[v] = i
							}
						}
					}
				}
			}
		}
		return true
	})
	creates := creatingName(fd.Name.Name)
	f := accountFact{Password: -1, User: -1}
	// stored notes a password or user field set from a parameter, in a
	// struct that the function creates or hands to a creating call.
	stored := func(field string, value ast.Expr, holder ast.Node) {
		i := origin(value)
		if i < 0 || !(creates || c.reachesCreate(holder)) {
			return
		}
		if passwordField(field) && f.Password < 0 {
			f.Password = i
		} else if userField(field) && f.User < 0 {
			if id, ok := ast.Unparen(value).(*ast.Ident); ok && info.Uses[id] == sig.Params().At(i) {
				f.User = i
			}
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if _, ok := derefStruct(info.TypeOf(n)); ok {
				keyedFields(n, func(name string, v ast.Expr) { stored(name, v, n) })
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				break
			}
			for i, l := range n.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
					stored(sel.Sel.Name, n.Rhs[i], sel.X)
				}
			}
		case *ast.CallExpr:
			// Handed on to another function that stores it.
			if _, g, ok := c.storer(n); ok && g.Password < len(n.Args) {
				if i := origin(n.Args[g.Password]); i >= 0 && f.Password < 0 {
					f.Password = i
				}
			}
		}
		return true
	})
	return f, f.Password >= 0
}

// passwordField names a field holding a password or its hash.
func passwordField(name string) bool {
	if classifyName(name) == credname.Password {
		return true
	}
	for _, w := range credname.Words(name) {
		if w == "password" || w == "passwd" {
			return true
		}
	}
	return false
}

// creatingName reports a function name starting with a creating verb.
func creatingName(name string) bool {
	w := credname.Words(name)
	return len(w) > 0 && creatingVerbs[w[0]]
}

// reachesCreate reports whether holder (a struct literal or the
// variable whose field is set) is given to a creating call.
func (c *checker) reachesCreate(holder ast.Node) bool {
	switch h := holder.(type) {
	case *ast.CompositeLit:
		if c.createdLit[h] != "" {
			return true
		}
		if v := c.litVar[h]; v != nil {
			return c.createdVar[v] != ""
		}
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[h].(*types.Var); ok {
			return c.createdVar[v] != ""
		}
	}
	return false
}

// mayStore is a cheap first look at a body: does it set a password field
// or call a known storer? Most functions do neither.
func (c *checker) mayStore(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && passwordField(id.Name) {
				found = true
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && passwordField(sel.Sel.Name) {
					found = true
				}
			}
		case *ast.CallExpr:
			if _, _, ok := c.storer(n); ok {
				found = true
			}
		}
		return !found
	})
	return found
}
