package tokenlog

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/ssabuild"
)

// Settings the package itself reads a password out of.
//
// A field whose value the package parses as a URL and then reads the
// password of (podinfo's getCacheConn: u, _ := url.Parse(s.config.
// CacheServer); if p, ok := u.User.Password(); ok { … }) holds a
// connection URL with its login, whatever it is called: CacheServer
// says nothing of a credential and nothing of a store. Logging the
// field whole (zap.String("server", s.config.CacheServer) when the cache
// is offline) logs that password. The use decides, not the name: a
// field parsed only for its host, or never parsed, is not one.

// loginURLFields returns the fields of the package's structs whose value
// the package parses with url.Parse (or url.ParseRequestURI) and reads
// the password of, with the place of that read.
func (st *pkgState) loginURLFields() map[*types.Var]token.Pos {
	if st.loginURLs != nil {
		return st.loginURLs
	}
	st.loginURLs = map[*types.Var]token.Pos{}
	for _, fn := range ssabuild.Get(st.pass).SrcFuncs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(*ssa.Call)
				if !ok || len(call.Call.Args) != 1 {
					continue
				}
				callee := credsrc.Callee(&call.Call)
				if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != "net/url" || (callee.Name() != "Parse" && callee.Name() != "ParseRequestURI") {
					continue
				}
				f := readField(call.Call.Args[0])
				if f == nil {
					continue
				}
				if at, ok := passwordRead(call); ok {
					if _, seen := st.loginURLs[f]; !seen {
						st.loginURLs[f] = at
					}
				}
			}
		}
	}
	return st.loginURLs
}

// readField returns the field v reads (a load of a field address, or a
// field of a struct value), or nil.
func readField(v ssa.Value) *types.Var {
	switch v := v.(type) {
	case *ssa.Field:
		return credsrc.FieldOf(v.X.Type(), v.Field)
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			return credsrc.FieldOf(fa.X.Type(), fa.Field)
		}
	}
	return nil
}

// maxUserinfoSteps bounds the search from a parsed URL to its password.
const maxUserinfoSteps = 4

// passwordRead reports whether the URL the parse call returns reaches a
// call of (*url.Userinfo).Password, through its User field, loads and
// phis, and where.
func passwordRead(parse *ssa.Call) (token.Pos, bool) {
	var frontier []ssa.Value
	for _, r := range *parse.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
			frontier = append(frontier, e)
		}
	}
	seen := map[ssa.Value]bool{}
	for step := 0; step < maxUserinfoSteps && len(frontier) > 0; step++ {
		var next []ssa.Value
		for _, v := range frontier {
			if seen[v] || v.Referrers() == nil {
				continue
			}
			seen[v] = true
			for _, r := range *v.Referrers() {
				switch r := r.(type) {
				case *ssa.Call:
					if fn := credsrc.Callee(&r.Call); fn != nil && fn.Name() == "Password" && isUserinfo(fn) && len(r.Call.Args) > 0 && r.Call.Args[0] == v {
						return r.Pos(), true
					}
				case *ssa.FieldAddr, *ssa.UnOp, *ssa.Phi:
					next = append(next, r.(ssa.Value))
				}
			}
		}
		frontier = next
	}
	return token.NoPos, false
}

// isUserinfo reports a method of net/url's Userinfo.
func isUserinfo(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/url" {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == "Userinfo"
}

// loginURLSource is the source of v, a read of a field whose value the
// package parses and reads a password out of.
func (st *pkgState) loginURLSource(v ssa.Value) (credsrc.Source, bool) {
	f := readField(v)
	if f == nil || !credsrc.StringLike(f.Type()) {
		return credsrc.Source{}, false
	}
	at, ok := st.loginURLFields()[f]
	if !ok {
		return credsrc.Source{}, false
	}
	where := st.pass.Fset.Position(at)
	return credsrc.Source{Kind: credname.Credential, Desc: fmt.Sprintf("connection URL with its password in field %s (the package reads its password at %s:%d)", f.Name(), filepath.Base(where.Filename), where.Line)}, true
}
