package tokenverify

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// Change detection (issue 15, class 7). old.Secret != cur.Secret reads
// the same credential field of two values of one type: a record before
// and after an update, a cached configuration and the saved one. It
// asks whether the secret changed (to drop sessions, rotate a cache),
// not whether a caller knows it: nobody supplies a guess to compare.
// A request-borne value on either side (a session decoded from the
// request into the same type as the stored one) keeps the finding.

// sameFieldOfTwo reports whether x and y read one field of two
// different values of the same type, neither taken from the request.
func (c *pkgctx) sameFieldOfTwo(x, y ast.Expr) bool {
	sx, sy, fx, fy, ok := c.fieldReads(x, y)
	if !ok || fx != fy {
		return false
	}
	if !types.Identical(derefType(c.info.TypeOf(sx.X)), derefType(c.info.TypeOf(sy.X))) {
		return false
	}
	if types.ExprString(sx.X) == types.ExprString(sy.X) {
		return false // the same value read twice
	}
	if c.fromRequest(sx.X, 0) || c.fromRequest(sy.X, 0) {
		return false
	}
	if c.paramFromRequest(sx.X) || c.paramFromRequest(sy.X) {
		return false // an equality method a login calls (callerreq.go)
	}
	// A variable a call fills in (json.NewDecoder(r.Body).Decode(&in),
	// c.Bind(&in)) may hold what the caller sent: the comparison may be
	// a login's, and stays judged as one.
	return !c.filledByCall(sx.X, sx.Pos()) && !c.filledByCall(sy.X, sx.Pos())
}

// twoFieldsOfOne reports whether x and y are two different fields of
// one value (c.Session.EncryptionKey == c.Session.RefreshEncryptionKey,
// form.Password != form.PasswordConfirm): a check that two settings of
// one configuration differ, or that a form's two entries agree. Neither
// value is presented against the other, so the comparison decides no
// login. Fields of two values (a presented key and a configured one)
// are not this.
func (c *pkgctx) twoFieldsOfOne(x, y ast.Expr) bool {
	sx, sy, fx, fy, ok := c.fieldReads(x, y)
	if !ok || fx == fy {
		return false
	}
	return types.ExprString(sx.X) == types.ExprString(sy.X) && !hasArgCall(sx.X)
}

// fieldReads returns x and y as field selections and the fields they
// read, when both are.
func (c *pkgctx) fieldReads(x, y ast.Expr) (sx, sy *ast.SelectorExpr, fx, fy types.Object, ok bool) {
	sx, okx := ast.Unparen(x).(*ast.SelectorExpr)
	sy, oky := ast.Unparen(y).(*ast.SelectorExpr)
	if !okx || !oky {
		return nil, nil, nil, nil, false
	}
	selx, okx := c.info.Selections[sx]
	sely, oky := c.info.Selections[sy]
	if !okx || !oky || selx.Kind() != types.FieldVal || sely.Kind() != types.FieldVal {
		return nil, nil, nil, nil, false
	}
	return sx, sy, selx.Obj(), sely.Obj(), true
}

// hasArgCall reports whether e calls a function with arguments, whose
// two calls may return two different values.
func hasArgCall(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) > 0 {
			found = true
		}
		return !found
	})
	return found
}

// filledByCall reports whether e is rooted at a local variable of its
// function whose address, or whose pointer value, is handed to a call in
// that function before the comparison at pos.
func (c *pkgctx) filledByCall(e ast.Expr, pos token.Pos) bool {
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			break
		}
		e = sel.X
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	obj, ok := c.info.Uses[id].(*types.Var)
	if !ok || obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() {
		return false
	}
	fn := c.enclosingFunc(id)
	if fn == nil {
		return false
	}
	_, isPtr := obj.Type().Underlying().(*types.Pointer)
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || call.Pos() >= pos {
			return !found
		}
		for _, a := range call.Args {
			a = ast.Unparen(a)
			if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
				a = ast.Unparen(u.X)
			} else if !isPtr {
				continue
			}
			if aid, ok := a.(*ast.Ident); ok && c.info.Uses[aid] == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

// storesCompared reports whether comparison n is the condition of an if
// statement whose branch writes the one side into the record the other
// side was read from: if key != user.APIKey { update(user, key) }, or
// user.APIKey = key. The presented value of an authentication is never
// written into the stored credential, so the branch is an update made
// only when the value changed. A branch that returns at its top level
// (a refusal) is not an update, whatever else it does.
func (c *pkgctx) storesCompared(n ast.Expr, x, y ast.Expr) bool {
	ifs := c.conjunctOfIf(n)
	if ifs == nil || ifs.Else != nil {
		return false
	}
	for _, st := range ifs.Body.List {
		if _, ok := st.(*ast.ReturnStmt); ok {
			return false
		}
	}
	return c.writesInto(ifs.Body, x, y) || c.writesInto(ifs.Body, y, x) || c.setsThroughMethod(ifs.Body, x, y) || c.setsThroughMethod(ifs.Body, y, x) || c.appliesNewCredential(ifs.Body, x, y)
}

// unchangedSkip reports whether comparison n, an equality (op ==,
// bytes.Equal, hmac.Equal…, not negated), is a conjunct of an if
// statement that only returns, with no value but constants and nil, and
// the statements after it in the same block (and in the function
// literals they call at once, a locked section) write one side into the
// field the other side reads: if bytes.Equal(d.currentKey, next) {
// return }; …; d.currentKey = next. Nothing is done when the values
// agree and the new one is kept when they differ: a change detected. An
// authentication does something when they agree.
func (c *pkgctx) unchangedSkip(n ast.Expr, op string, x, y ast.Expr) bool {
	if op == "!=" || op == "strings.Compare" || op == "bytes.Compare" {
		return false
	}
	if u, ok := c.parents[n].(*ast.UnaryExpr); ok && u.Op == token.NOT {
		return false
	}
	ifs := c.conjunctOfIf(n)
	if ifs == nil || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) != 1 {
		return false
	}
	ret, ok := ifs.Body.List[0].(*ast.ReturnStmt)
	if !ok {
		return false
	}
	for _, r := range ret.Results {
		if !c.isConst(r) && !c.isNilExpr(r) {
			return false
		}
	}
	block, ok := c.parents[ifs].(*ast.BlockStmt)
	if !ok {
		return false
	}
	var rest []ast.Stmt
	after := false
	for _, st := range block.List {
		if st == ifs {
			after = true
			continue
		}
		if !after {
			continue
		}
		rest = append(rest, st)
		// func() { mu.Lock(); defer mu.Unlock(); d.key = next }()
		if es, ok := st.(*ast.ExprStmt); ok {
			if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && len(call.Args) == 0 {
				if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
					rest = append(rest, lit.Body.List...)
				}
			}
		}
	}
	b := &ast.BlockStmt{List: rest}
	return c.writesInto(b, x, y) || c.writesInto(b, y, x)
}

// appliesNewCredential reports whether body hands one of the compared
// values to a setter of that credential for the record the other value
// was read from: a call whose name starts with a setter verb and names
// a credential, given the compared value and a field of that record
// (client.SetPasswd(item.User, req.Password) after pass :=
// decrypt(item.Password)). An edit form's handler comparing the
// submitted password with the stored one and setting it when they
// differ detects a change (1Panel's FTP accounts); the compare protects
// nothing the branch does not replace. A setter of another record
// (other.SetPassword(pw)) is no such change.
func (c *pkgctx) appliesNewCredential(body *ast.BlockStmt, x, y ast.Expr) bool {
	values := map[string]bool{types.ExprString(ast.Unparen(x)): true, types.ExprString(ast.Unparen(y)): true}
	recs := map[types.Object]bool{}
	c.recordsOf(x, recs, 0)
	c.recordsOf(y, recs, 0)
	found := false
	inspectShallow(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := c.callee(call)
		if fn == nil {
			return true
		}
		w := credname.Words(fn.Name())
		if len(w) < 2 || !setterVerbs[w[0]] || !credname.IsCredential(fn.Name()[len(w[0]):]) {
			return true
		}
		passes, ofRecord := false, false
		for _, a := range call.Args {
			if values[types.ExprString(ast.Unparen(a))] {
				passes = true
				continue
			}
			if id := c.rootIdent(a); id != nil && recs[c.info.Uses[id]] {
				ofRecord = true
			}
		}
		found = passes && ofRecord
		return !found
	})
	return found
}

// recordsOf adds to out the variables whose fields e reads, directly or
// through a local variable assigned from them (pass :=
// decrypt(item.Password) reads item).
func (c *pkgctx) recordsOf(e ast.Expr, out map[types.Object]bool, depth int) {
	if depth > 3 {
		return
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if id := c.rootIdent(x); id != nil {
				if v, ok := c.info.Uses[id].(*types.Var); ok && !v.IsField() {
					out[v] = true
				}
			}
			return false
		case *ast.Ident:
			if v, ok := c.info.Uses[x].(*types.Var); ok && !v.IsField() && !c.isParam(v) {
				for _, d := range c.defs[v] {
					c.recordsOf(d.rhs, out, depth+1)
				}
			}
		}
		return true
	})
}

// conjunctOfIf is the if statement whose condition is n or a chain of
// && with n as one operand (if pw != "" && cfg.Password != pw): the
// branch runs only when n holds.
func (c *pkgctx) conjunctOfIf(n ast.Expr) *ast.IfStmt {
	var cur ast.Node = n
	for {
		switch p := c.parents[cur].(type) {
		case *ast.IfStmt:
			if p.Cond == cur {
				return p
			}
			return nil
		case *ast.ParenExpr:
			cur = p
		case *ast.BinaryExpr:
			if p.Op != token.LAND {
				return nil
			}
			cur = p
		default:
			return nil
		}
	}
}

// setterVerbs are the first words of a method name that says it stores
// what it is given (SetPassword, UpdateSecret, StoreKey).
var setterVerbs = map[string]bool{"set": true, "update": true, "change": true, "reset": true, "store": true, "save": true, "put": true}

// setsThroughMethod reports whether body stores a compared value into
// the record stored was read from through a method of that record: a
// call h.M(…) where h is the holder of the field stored reads (the same
// expression), one argument is one of the compared values (either side,
// as written), and M is a setter: its name starts with a setter verb, or
// it is a method of this package whose body assigns the compared field
// of its receiver. if to.Password != from.Password {
// to.SetPassword(to.Password) } and if cfg.Password != pw {
// cfg.SetPassword(pw) } store the new setting hashed when it changed: a
// change detected, as a direct store of the field is (writesInto).
func (c *pkgctx) setsThroughMethod(body *ast.BlockStmt, stored, other ast.Expr) bool {
	sel, ok := ast.Unparen(stored).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fsel, ok := c.info.Selections[sel]
	if !ok || fsel.Kind() != types.FieldVal {
		return false
	}
	field := fsel.Obj()
	holder := types.ExprString(sel.X)
	values := map[string]bool{types.ExprString(ast.Unparen(stored)): true, types.ExprString(ast.Unparen(other)): true}
	found := false
	inspectShallow(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fun, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || types.ExprString(fun.X) != holder {
			return true
		}
		msel, ok := c.info.Selections[fun]
		if !ok || msel.Kind() != types.MethodVal {
			return true
		}
		passes := false
		for _, a := range call.Args {
			if values[types.ExprString(ast.Unparen(a))] {
				passes = true
			}
		}
		if !passes {
			return true
		}
		m, ok := msel.Obj().(*types.Func)
		if !ok {
			return true
		}
		if w := credname.Words(m.Name()); len(w) > 0 && setterVerbs[w[0]] {
			found = true
		} else if c.assignsRecvField(m, field) {
			found = true
		}
		return !found
	})
	return found
}

// assignsRecvField reports whether m, a method declared in this
// package, assigns field of its receiver (r.f = …) in its body.
func (c *pkgctx) assignsRecvField(m *types.Func, field types.Object) bool {
	d := c.decls[m]
	if d == nil || d.Body == nil || d.Recv == nil || len(d.Recv.List) == 0 || len(d.Recv.List[0].Names) == 0 {
		return false
	}
	recv := c.info.Defs[d.Recv.List[0].Names[0]]
	found := false
	inspectShallow(d.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for _, l := range as.Lhs {
			ls, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok || c.info.Uses[ls.Sel] != field {
				continue
			}
			if id, ok := ast.Unparen(ls.X).(*ast.Ident); ok && recv != nil && c.info.Uses[id] == recv {
				found = true
			}
		}
		return !found
	})
	return found
}

// writesInto reports whether body stores value v into the field that
// stored reads, or passes v and the value stored is read from to one
// call.
func (c *pkgctx) writesInto(body *ast.BlockStmt, v, stored ast.Expr) bool {
	vid, ok := ast.Unparen(v).(*ast.Ident)
	if !ok {
		return false
	}
	vobj := c.info.Uses[vid]
	sel, ok := ast.Unparen(stored).(*ast.SelectorExpr)
	if vobj == nil || !ok {
		return false
	}
	field := c.info.Uses[sel.Sel]
	rid, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok || field == nil {
		return false
	}
	robj := c.info.Uses[rid]
	uses := func(args []ast.Expr, obj types.Object) bool {
		for _, a := range args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && c.info.Uses[id] == obj {
				return true
			}
		}
		return false
	}
	found := false
	inspectShallow(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if ls, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && c.info.Uses[ls.Sel] == field && i < len(n.Rhs) && uses(n.Rhs[i:i+1], vobj) {
					found = true
				}
			}
		case *ast.CallExpr:
			if robj != nil && uses(n.Args, vobj) && uses(n.Args, robj) {
				found = true
			}
		}
		return !found
	})
	return found
}

// copyCompared reports whether one operand is a local variable that
// started as a copy of the other (orig := tx; if linked != "" { orig =
// linked }; if tx != orig). Such a comparison asks whether the variable
// was replaced since (an upgrade, a refreshed token, a rotated key), not
// whether anybody knows a secret: both sides hold the same value unless
// the program itself chose another.
func (c *pkgctx) copyCompared(x, y ast.Expr) bool {
	return c.copyOf(x, y) || c.copyOf(y, x)
}

// copyOf reports whether v is a local variable (not a parameter) one of
// whose assignments copies other whole: the same variable and fields.
func (c *pkgctx) copyOf(v, other ast.Expr) bool {
	id, ok := ast.Unparen(v).(*ast.Ident)
	if !ok {
		return false
	}
	obj, ok := c.info.Uses[id].(*types.Var)
	if !ok || obj.IsField() || isPkgVar(obj) || c.isParam(obj) {
		return false
	}
	want := c.pathOf(other)
	if want == nil || want[0] == obj {
		return false
	}
	for _, d := range c.defs[obj] {
		if d.index >= 0 || d.rng {
			continue
		}
		if p := c.pathOf(d.rhs); p != nil && samePath(p, want) {
			return true
		}
	}
	return false
}

// keepsStored reports an immutable-field guard: comparison n is a
// conjunct of the condition of an if whose branch refuses (it ends in a
// return), another conjunct lets an empty submitted value through
// (update.Secret != ""), and the statement right after the if writes
// the stored side over that submitted one (update.Secret =
// stored.Secret). An update may leave the secret out or repeat it, but
// not change it, and the stored value is kept. Read as a login the
// same code would let an empty credential in, so it is none: the
// comparison authenticates nobody. Without the empty-value conjunct it
// stays judged (a checked token later overwritten is still checked).
func (c *pkgctx) keepsStored(n ast.Expr, x, y ast.Expr) bool {
	var ifs *ast.IfStmt
	var cur ast.Node = n
	var conjuncts []ast.Expr
	for ifs == nil {
		switch p := c.parents[cur].(type) {
		case *ast.BinaryExpr:
			if p.Op != token.LAND {
				return false
			}
			if p.X == cur {
				conjuncts = append(conjuncts, p.Y)
			} else {
				conjuncts = append(conjuncts, p.X)
			}
			cur = p
		case *ast.ParenExpr:
			cur = p
		case *ast.IfStmt:
			if p.Cond != cur {
				return false
			}
			ifs = p
		default:
			return false
		}
	}
	if len(ifs.Body.List) == 0 || ifs.Else != nil {
		return false
	}
	if _, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !ok {
		return false
	}
	block, ok := c.parents[ifs].(*ast.BlockStmt)
	if !ok {
		return false
	}
	for i, st := range block.List {
		if st != ifs || i+1 >= len(block.List) {
			continue
		}
		as, ok := block.List[i+1].(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return false
		}
		// Compared as the variables and fields read (pathOf), not as
		// text: (update).Secret is update.Secret, and a name declared
		// again in the if's init is another variable.
		l, r := c.pathOf(as.Lhs[0]), c.pathOf(as.Rhs[0])
		xp, yp := c.pathOf(x), c.pathOf(y)
		if l == nil || r == nil || samePath(l, r) || !(samePath(l, xp) && samePath(r, yp) || samePath(l, yp) && samePath(r, xp)) {
			return false
		}
		return c.allowsEmpty(conjuncts, l)
	}
	return false
}

// allowsEmpty reports whether one of the conjuncts is `e != ""` for the
// variable or field path e.
func (c *pkgctx) allowsEmpty(conjuncts []ast.Expr, e []types.Object) bool {
	for _, cj := range conjuncts {
		b, ok := ast.Unparen(cj).(*ast.BinaryExpr)
		if !ok || b.Op != token.NEQ {
			continue
		}
		for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			if s, ok := c.constString(pair[1]); ok && s == "" && samePath(c.pathOf(pair[0]), e) {
				return true
			}
		}
	}
	return false
}

// cachedCompared reports a comparison of a setting with the program's
// cached copy of it: h.verifierKey == cfg.HMACSecretKey, where every
// store to verifierKey in the package copies cfg's HMACSecretKey (or a
// constant, to reset it). The program keeps the copy to notice when the
// setting changes and rebuild what it derived from it (a verifier, a
// signer); nobody presents a guess. The copy must be an unexported
// field (read directly, or through a local variable copied once from
// it), which no decoder can fill from a request, and the setting may
// not come from the request.
func (c *pkgctx) cachedCompared(x, y ast.Expr) bool {
	return c.cacheOf(x, y) || c.cacheOf(y, x)
}

func (c *pkgctx) cacheOf(v, other ast.Expr) bool {
	osel, ok := ast.Unparen(other).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	os, ok := c.info.Selections[osel]
	if !ok || os.Kind() != types.FieldVal || c.fromRequest(other, 0) {
		return false
	}
	setting := os.Obj()
	cache := c.cachedField(v)
	if cache == nil || cache == setting || cache.Exported() || len(c.fieldDefs[cache]) == 0 {
		return false
	}
	for _, d := range c.fieldDefs[cache] {
		if tv, ok := c.info.Types[d]; ok && tv.Value != nil {
			continue // reset to a constant ("")
		}
		ds, ok := ast.Unparen(d).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if s, ok := c.info.Selections[ds]; !ok || s.Kind() != types.FieldVal || s.Obj() != setting {
			return false
		}
	}
	return true
}

// cachedField returns the field e reads: a field selection, or a local
// variable (not a parameter) assigned once, from a field selection.
func (c *pkgctx) cachedField(e ast.Expr) *types.Var {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		v, ok := c.info.Uses[id].(*types.Var)
		if !ok || v.IsField() || isPkgVar(v) || c.isParam(v) || len(c.defs[v]) != 1 {
			return nil
		}
		d := c.defs[v][0]
		if d.index >= 0 || d.rng {
			return nil
		}
		e = d.rhs
	}
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := c.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	f, _ := s.Obj().(*types.Var)
	return f
}

// paramOfSameField reports whether x is a parameter of a function of the
// package that every visible call gives the field y reads (gorush's
// GetClient(cfg, appID, appSecret), called as GetClient(cfg,
// cfg.Huawei.AppID, cfg.Huawei.AppSecret), tests appSecret !=
// cfg.Huawei.AppSecret to know whether the cached client is stale): a
// setting compared with itself as it was passed, a change check. A call
// that passes another value, one taken from the request, or a function
// used as a value (its calls unseen) keeps the finding.
func (c *pkgctx) paramOfSameField(x, y ast.Expr) bool {
	id, ok := c.stripConv(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	sy, ok := c.stripConv(y).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	sel, ok := c.info.Selections[sy]
	if !ok || sel.Kind() != types.FieldVal {
		return false
	}
	return c.paramEveryCall(v, func(a ast.Expr) bool {
		arg, ok := c.stripConv(a).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		s, ok := c.info.Selections[arg]
		return ok && s.Kind() == types.FieldVal && s.Obj() == sel.Obj() && !c.fromRequest(arg, 0)
	})
}
