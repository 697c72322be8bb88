package tokenverify

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/optin"
)

// Presented values (issue 15, fifth pass: tinode's one-time code, ente's
// link password hash). A value the caller presents is compared with the
// stored value it must match:
//
//   - tinode splits the secret handed to Authenticate ("123456:email:…")
//     and compares its first part with the code a cache holds for the
//     address, in `parts[0] != code`, where `parts` is the split of the
//     presented secret at one point and the split of the cached value at
//     another;
//   - ente compares the password hash a client sends (hashed on the
//     client, so the hash is the password) with the stored one.
//
// Neither side is known to compare by the checks of compare.go: a code's
// name is no credential word, and two hashes compared are taken for a
// change detected. The origin of each side decides here, followed through
// the definitions that reach the compare (a variable assigned twice is
// judged by the assignment in force), splits, indexes, fields, trims and
// conversions:
//
//   - presented: a parameter of the function itself (the secret handed to
//     an Authenticate method, the request struct a handler was given),
//     not one named as the reference (expected, stored, want);
//   - stored: what a method call returns (a cache, a store, a database),
//     a field of the receiver, a package variable, a parameter named as
//     the reference or captured from an enclosing function.
//
// One side must be presented and not stored, the other stored and not
// presented, and a name along the presented side must say credential
// (secret, password, otp, verificationCode) or both sides must be named
// as hashes (a hash the caller presents as is). A value computed by a
// function from what the caller presents (a hash the server computes, a
// decode) is neither. Comparing two stored values, two presented values,
// lengths (not strings) and constants stays silent, and so do the change
// checks of change.go, which run first.

// origin is what followPresented found about an expression.
type origin struct {
	presented, stored bool
	// named is set when a name along the presented side says
	// credential; desc then describes it.
	named bool
	desc  string
	split bool // the value is a part of a split
	// wire is set when the value was decoded from what the client sent:
	// a field with a json, form, query or binding tag on the way.
	wire bool
}

func (o origin) union(p origin) origin {
	o.presented = o.presented || p.presented
	o.stored = o.stored || p.stored
	if !o.named && p.named {
		o.named, o.desc = true, p.desc
	}
	o.split = o.split || p.split
	o.wire = o.wire || p.wire
	return o
}

// presentedPair reports whether x is presented by the caller and y is
// stored (see above), and describes x.
func (c *pkgctx) presentedPair(n ast.Node, x, y ast.Expr) (secret, bool) {
	fn := c.enclosingFunc(n)
	if fn == nil {
		return secret{}, false
	}
	ox := c.originOf(fn, x, 0)
	if !ox.presented || ox.stored {
		return secret{}, false
	}
	oy := c.originOf(fn, y, 0)
	if !oy.stored || oy.presented {
		return secret{}, false
	}
	switch {
	case ox.named:
		d := ox.desc
		if ox.split {
			d = "part of the " + d
		}
		return secret{d, true}, true
	case c.hashed(x) && c.hashed(y) && ox.wire && credname.HashOfCredential(exprName(x)):
		// A hash decoded from the client's message: the client
		// hashed the password, and the hash is what it presents. A
		// hash handed in by the program's own caller (a cache checking
		// whether the stored hash changed) is no such thing, nor is the
		// hash of something named that is no credential (inngest's
		// KeyExpressionHash: the expression of a throttle key).
		return secret{"hash presented by the caller in " + exprName(x), true}, true
	}
	return secret{}, false
}

// originOf follows e to where its value comes from.
func (c *pkgctx) originOf(fn ast.Node, e ast.Expr, depth int) origin {
	if depth > 6 || e == nil || c.isConst(e) {
		return origin{}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		return c.originOf(fn, x.X, depth+1)
	case *ast.IndexExpr:
		return c.originOf(fn, x.X, depth+1)
	case *ast.SliceExpr:
		return c.originOf(fn, x.X, depth+1)
	case *ast.TypeAssertExpr:
		return c.originOf(fn, x.X, depth+1)
	case *ast.SelectorExpr:
		sel, ok := c.info.Selections[x]
		if !ok {
			if v, ok := c.info.Uses[x.Sel].(*types.Var); ok && isPkgVar(v) {
				return origin{stored: credname.IsCredential(v.Name())}
			}
			return origin{}
		}
		if sel.Kind() != types.FieldVal {
			return origin{}
		}
		o := c.originOf(fn, x.X, depth+1)
		// The name of the struct says nothing of a field's value:
		// cred.Value of a contact "credential" is an address.
		o.named, o.desc = false, ""
		if o.presented && wireTagged(c.info.TypeOf(x.X), sel.Index()) {
			o.wire = true
		}
		if o.presented && credname.IsCredential(x.Sel.Name) && !credname.Hashed(x.Sel.Name) {
			o.named, o.desc = true, string(credname.Classify(x.Sel.Name))+" in field "+x.Sel.Name
		}
		if o.presented && !o.named && credname.IsOneTimeCode(x.Sel.Name) {
			o.named, o.desc = true, "one-time code in field "+x.Sel.Name
		}
		return o
	case *ast.CallExpr:
		if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.originOf(fn, x.Args[0], depth+1)
		}
		callee := c.callee(x)
		if callee == nil {
			return origin{}
		}
		if a, ok := passThrough(callee); ok && a < len(x.Args) {
			return c.originOf(fn, x.Args[a], depth+1)
		}
		if isSplit(callee) && len(x.Args) > 0 {
			o := c.originOf(fn, x.Args[0], depth+1)
			o.split = true
			return o
		}
		if recvName(callee) != "" {
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && c.fromRequest(sel.X, 0) {
				// A read of the request: judged by compare.go.
				return origin{}
			}
			// A cache, a store, a database: what it holds for the
			// key computed at run time (the caller's address, a
			// session). A getter with no key or a constant one reads
			// configuration, judged by compare.go's names.
			for _, a := range x.Args {
				if !c.isConst(a) {
					return origin{stored: true}
				}
			}
			return origin{}
		}
		return origin{}
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || v.IsField() {
			return origin{}
		}
		if isPkgVar(v) {
			// A package variable named as a secret; a list of
			// placeholders is none.
			return origin{stored: credname.IsCredential(v.Name())}
		}
		if c.isParam(v) {
			if !ownParam(fn, v) || referenceName(v.Name()) {
				return origin{stored: true}
			}
			if c.elementParam(fn, v) {
				// An element of a collection the call iterates:
				// neither presented nor stored (elementParam).
				return origin{}
			}
			o := origin{presented: true}
			switch {
			case credname.IsOneTimeCode(v.Name()):
				o.named, o.desc = true, "one-time code in parameter "+v.Name()
			case credname.IsCredential(v.Name()) && !credname.Hashed(v.Name()):
				o.named, o.desc = true, string(credname.Classify(v.Name()))+" in parameter "+v.Name()
			}
			return o
		}
		if c.isReceiver(fn, v) {
			return origin{stored: true}
		}
		var o origin
		for _, d := range c.reaching(v, x) {
			if d.rng {
				o = o.union(c.originOf(fn, d.rhs, depth+1))
				continue
			}
			if d.index >= 0 {
				// v, err := cache.Get(key); tk, ok := data.(string)
				switch r := ast.Unparen(d.rhs).(type) {
				case *ast.CallExpr, *ast.TypeAssertExpr, *ast.IndexExpr:
					o = o.union(c.originOf(fn, r, depth+1))
				}
				continue
			}
			o = o.union(c.originOf(fn, d.rhs, depth+1))
		}
		if o.presented && !o.named && credname.IsOneTimeCode(v.Name()) {
			o.named, o.desc = true, "one-time code in variable "+v.Name()
		}
		return o
	}
	return origin{}
}

// isSplit reports strings and bytes Split, SplitN, SplitAfter,
// SplitAfterN and Fields: their parts carry the value split.
func isSplit(fn *types.Func) bool {
	if recvName(fn) != "" {
		return false
	}
	switch pkgPath(fn) {
	case "strings", "bytes":
		switch fn.Name() {
		case "Split", "SplitN", "SplitAfter", "SplitAfterN", "Fields":
			return true
		}
	}
	return false
}

// isReceiver reports whether v is the receiver of the method fn is or is
// inside.
func (c *pkgctx) isReceiver(fn ast.Node, v *types.Var) bool {
	for n := fn; n != nil; n = c.enclosingFunc(n) {
		d, ok := n.(*ast.FuncDecl)
		if !ok {
			continue
		}
		if d.Recv == nil {
			return false
		}
		for _, f := range d.Recv.List {
			for _, id := range f.Names {
				if c.info.Defs[id] == v {
					return true
				}
			}
		}
		return false
	}
	return false
}

// reaching returns the definitions of v that can reach its use u: the
// last one before u whose statement lies in a node enclosing u (the
// function's body, the block of u, an if's init) is in force on every
// path to u and hides the ones before it; the definitions after it and
// before u, in nested blocks, may reach u too, and so may those after u
// inside a loop around both. When no definition encloses u, all do.
func (c *pkgctx) reaching(v *types.Var, u ast.Node) []def {
	defs := c.defs[v]
	kill := token.NoPos
	for _, d := range defs {
		p := d.rhs.Pos()
		if d.rng || p >= u.Pos() || p <= kill {
			continue
		}
		if st := c.stmtOf(d.rhs); st != nil {
			parent := c.parents[st]
			if f, ok := parent.(*ast.ForStmt); ok && f.Post == st {
				// A loop's post statement runs after its body.
				continue
			}
			if parent != nil && parent.Pos() <= u.Pos() && u.End() <= parent.End() {
				kill = p
			}
		}
	}
	if kill == token.NoPos {
		return defs
	}
	var out []def
	for _, d := range defs {
		p := d.rhs.Pos()
		switch {
		case p >= kill && p < u.Pos():
			out = append(out, d)
		case p > u.Pos() && c.sameLoop(u, d.rhs):
			out = append(out, d)
		}
	}
	return out
}

// stmtOf returns the assignment or declaration e is the value of.
func (c *pkgctx) stmtOf(e ast.Node) ast.Node {
	for p := c.parents[e]; p != nil; p = c.parents[p] {
		switch p.(type) {
		case *ast.AssignStmt, *ast.DeclStmt:
			return p
		case *ast.ValueSpec, *ast.GenDecl:
		default:
			return nil
		}
	}
	return nil
}

// sameLoop reports whether a loop encloses both a and b.
func (c *pkgctx) sameLoop(a, b ast.Node) bool {
	for p := c.parents[a]; p != nil; p = c.parents[p] {
		switch p.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if p.Pos() <= b.Pos() && b.End() <= p.End() {
				return true
			}
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
	}
	return false
}

// wireTagged reports whether the field at path in struct type t (or a
// pointer to one) carries a tag saying it is decoded from a client's
// message: json, form, query, binding, schema, xml, msgpack, protobuf.
func wireTagged(t types.Type, path []int) bool {
	tag := ""
	for _, i := range path {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return false
		}
		tag = st.Tag(i)
		t = st.Field(i).Type()
	}
	// A field also tagged for a configuration file or the command line
	// is the operator's setting read from it (traefik's plugin
	// descriptor: a pinned archive hash with json, toml and yaml tags),
	// not what a client sends.
	if optin.ConfigTagged(tag) {
		return false
	}
	for _, k := range []string{"json", "form", "query", "binding", "schema", "xml", "msgpack", "protobuf"} {
		if _, ok := reflect.StructTag(tag).Lookup(k); ok {
			return true
		}
	}
	return false
}

// elementParam reports whether v is a parameter of the function literal
// fn handed to a call together with a slice, array or map whose element
// type is v's type: slices.ContainsFunc(list, func(e T) bool { … }),
// slices.IndexFunc, a program's own each(list, fn). The call passes v an
// element of that collection, which the program holds; no caller
// presents it (zot's SignatureAlreadyExists compares a stored
// signature's manifest digest with each listed one's).
func (c *pkgctx) elementParam(fn ast.Node, v *types.Var) bool {
	lit, ok := fn.(*ast.FuncLit)
	if !ok {
		return false
	}
	call, ok := c.parents[lit].(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, a := range call.Args {
		if a == ast.Expr(lit) {
			continue
		}
		t := c.info.TypeOf(a)
		if t == nil {
			continue
		}
		var elem types.Type
		switch u := t.Underlying().(type) {
		case *types.Slice:
			elem = u.Elem()
		case *types.Array:
			elem = u.Elem()
		case *types.Map:
			elem = u.Elem()
		}
		if elem != nil && types.Identical(elem, v.Type()) {
			return true
		}
	}
	return false
}
