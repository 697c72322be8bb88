package oauthredirect

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A session saved again is not a login. Writing a session counts as a
// step of logging in (authAction), but web applications also save the
// session they already have: to extend its lifetime, to store a flash
// message ("Changes saved."), to tidy what it holds. Such a helper
//
//	func saveUserSession(app *App, r *http.Request, w http.ResponseWriter) error {
//		session, _ := app.sessionStore.Get(r, cookieName)
//		session.Options.MaxAge = int(sessionLength)
//		if u, ok := session.Values[userKey].(*User); ok {
//			session.Values[userKey] = u.Cookie()
//		}
//		return session.Save(r, w)
//	}
//
// puts nothing new in the session: every value it stores into the
// session's Values is read back from those same Values (or derived from
// such a value by a call), and it calls no other writing method. A Save
// of a session the function obtained itself (from a store, not from a
// parameter, whose caller may have filled it) that writes nothing new is
// not an auth action; a handler that only adds a flash through it is not
// a login step. A constant stored (session.Values["authenticated"] =
// true) or a value from elsewhere (a user looked up after a password
// check) is new, and the Save stays a login step.

// keepsSession reports whether call, a session library's writing method
// c, saves a session that its function obtained and into which it puts
// nothing new (see above).
func keepsSession(call ssa.CallInstruction, c callee) bool {
	if c.name != "Save" && c.name != "Commit" {
		return false
	}
	sess := c.recvVal
	if mi, ok := sess.(*ssa.MakeInterface); ok {
		sess = mi.X
	}
	if !obtainedHere(sess) {
		return false
	}
	t := sess.Type()
	fn := call.Parent()
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.MapUpdate:
				if sessionValues(in.Map, t) && !readBack(in.Value, t, 0) {
					return false
				}
			case ssa.CallInstruction:
				if in == call {
					continue
				}
				if o, ok := resolve(in.Common()); ok && strings.Contains(o.pkg, "session") && sessionWrite[o.name] && o.name != "Save" && o.name != "Commit" {
					return false
				}
			}
		}
	}
	return true
}

// obtainedHere reports whether v is a value the function got from a call
// (a store's Get or New), not a parameter or a captured variable.
func obtainedHere(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Extract:
		_, ok := v.Tuple.(*ssa.Call)
		return ok
	case *ssa.Call:
		return true
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !obtainedHere(e) {
				return false
			}
		}
		return len(v.Edges) > 0
	}
	return false
}

// sessionValues reports whether m is the Values map of a session of type
// t (a load of a field of a value of that type).
func sessionValues(m ssa.Value, t types.Type) bool {
	ld, ok := m.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	return ok && types.Identical(fa.X.Type(), t)
}

// readBack reports whether v is read from the Values of a session of
// type t, or made from such a value by type assertions, conversions,
// field and element reads, and calls that take it (as an argument, or
// as the receiver of a static or an interface method). Every arm
// decides alike: a value merged from the arms of an if/else or a switch
// (a phi) is read back only when each arm's is.
func readBack(v ssa.Value, t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Lookup:
		return sessionValues(v.X, t)
	case *ssa.TypeAssert, *ssa.Extract, *ssa.MakeInterface, *ssa.ChangeType, *ssa.Convert,
		*ssa.UnOp, *ssa.FieldAddr, *ssa.Field, *ssa.IndexAddr, *ssa.Index:
		// The value each is made from is its first operand (X, or
		// the tuple of an Extract).
		ops := v.(ssa.Instruction).Operands(nil)
		return len(ops) > 0 && *ops[0] != nil && readBack(*ops[0], t, depth+1)
	case *ssa.Call:
		if v.Call.IsInvoke() && readBack(v.Call.Value, t, depth+1) {
			return true
		}
		for _, a := range v.Call.Args {
			if readBack(a, t, depth+1) {
				return true
			}
		}
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !readBack(e, t, depth+1) {
				return false
			}
		}
		return len(v.Edges) > 0
	}
	return false
}

// inSight reports whether the callee c of call is a function of the
// package being analyzed, with a body: its summary says whether it does
// a step of logging in, so its name is no longer needed as a hint. An
// AuthenticateUser(db, accessToken) that looks a per-request API token
// up, and issues nothing, is then no login step.
func inSight(call ssa.CallInstruction, c callee) bool {
	return c.fn != nil && c.fn.Parent() == nil && c.fn.Pkg != nil && c.fn.Pkg == call.Parent().Pkg && len(c.fn.Blocks) > 0
}
