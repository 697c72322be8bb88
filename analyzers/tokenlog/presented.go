package tokenlog

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Presented credentials.
//
// A value checked against a credential is a credential presented by a
// client: the key compared with the configured API key, the password
// handed to bcrypt.CompareHashAndPassword. Its name often says nothing
// (presented, input, k, candidate), and when the check fails it is
// still a credential: another valid key, a typo of the right one, a
// password for another account. So the other operand of == or != with
// a credential, the operand of subtle.ConstantTimeCompare or
// hmac.Equal beside a credential, and the password of
// bcrypt.CompareHashAndPassword become credentials where they are
// defined (a parameter, a variable, a call result), and an error
// message or log line built from them afterwards is reported
// (errors.New("invalid key: " + presented)). Constants are never
// presented credentials, and a comparison with a constant ("") says
// nothing.

// presentedRoot returns the value a compared operand was derived from
// by conversions ([]byte(k)) and interface boxing, or nil for a
// constant.
func presentedRoot(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.Convert:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.Const:
			return nil
		default:
			if meaningless(v.Type()) {
				return nil
			}
			return v
		}
	}
}

// present marks v's root as a credential presented for checking
// against what (the credential it is compared with, or a check API).
//
// The presented value is trusted as much as what it is checked against:
// a typed source makes it typed, a name hint (a field named apiKey)
// leaves it a hint.
func (f *fnState) present(v ssa.Value, what string, typed bool, pos token.Pos) {
	root := presentedRoot(v)
	if root == nil || f.vals[root].tr != nil || identityNamedValue(root) {
		return
	}
	f.presentAs(root, credsrc.Source{Kind: credname.Credential, Desc: "credential checked against " + what, Typed: typed}, pos)
}

// presentAs makes root, a value the function checks, the credential src
// from pos on. A parameter so marked is reported by the function
// itself; its callers stay silent (see paramSink.Self).
func (f *fnState) presentAs(root ssa.Value, src credsrc.Source, pos token.Pos) {
	f.setVal(root, taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: pos, Message: src.Desc}}}})
	if p, ok := root.(*ssa.Parameter); ok {
		for i, q := range f.fn.Params {
			if q == p {
				f.named[i] = true
			}
		}
	}
}

// compared applies the rule to == and != (see above).
func (f *fnState) compared(b *ssa.BinOp) {
	if b.Op != token.EQL && b.Op != token.NEQ || !credsrc.StringLike(b.X.Type()) {
		return
	}
	x, y := f.deep(b.X), f.deep(b.Y)
	switch {
	case x.tr != nil && y.tr == nil && presentedRoot(b.X) != nil:
		f.present(b.Y, x.tr.src.Desc, x.tr.src.Typed, b.Pos())
	case y.tr != nil && x.tr == nil && presentedRoot(b.Y) != nil:
		f.present(b.X, y.tr.src.Desc, y.tr.src.Typed, b.Pos())
	}
}

// presentedCall applies the rule to the constant-time comparisons and
// password checks of the standard library and x/crypto, and to a value
// tested for a secret key's prefix.
func (f *fnState) presentedCall(c *ssa.CallCommon, obj *types.Func) {
	if obj == nil || obj.Pkg() == nil || credsrc.RecvTypeName(obj) != "" || len(c.Args) != 2 {
		return
	}
	switch obj.Pkg().Path() + "." + obj.Name() {
	case "strings.HasPrefix", "strings.CutPrefix", "bytes.HasPrefix", "bytes.CutPrefix":
		f.keyPrefixed(c.Args[0], c.Args[1], c.Pos())
	case "crypto/subtle.ConstantTimeCompare", "crypto/hmac.Equal":
		x, y := f.deep(c.Args[0]), f.deep(c.Args[1])
		switch {
		case x.tr != nil && y.tr == nil && presentedRoot(c.Args[0]) != nil:
			f.present(c.Args[1], x.tr.src.Desc, x.tr.src.Typed, c.Pos())
		case y.tr != nil && x.tr == nil && presentedRoot(c.Args[1]) != nil:
			f.present(c.Args[0], y.tr.src.Desc, y.tr.src.Typed, c.Pos())
		}
	case "golang.org/x/crypto/bcrypt.CompareHashAndPassword":
		f.present(c.Args[1], "a password hash by bcrypt.CompareHashAndPassword", true, c.Pos())
	}
}

// identityWords end the names of values that say who or what, not what
// proves it: an OAuth state or nonce matched against the cookie the
// flow set, a user or client id matched against a record's. The
// comparison is a CSRF or authorization decision, and the value is what
// its name says whichever way it goes (headscale logs the state of a
// login whose cache entry expired). tokenverify's authreject.go judges
// such compares by the same words.
var identityWords = map[string]bool{
	"id": true, "ids": true, "uid": true, "user": true, "username": true, "login": true,
	"email": true, "name": true, "owner": true, "state": true, "nonce": true,
	"sub": true, "subject": true, "iss": true, "issuer": true, "aud": true, "audience": true,
}

// identityNamedValue reports whether v, the root of a compared operand,
// is known by a name (its parameter or variable name, or the field it
// was read from) whose last word is an identity word.
func identityNamedValue(v ssa.Value) bool {
	var names []string
	switch x := v.(type) {
	case *ssa.Parameter:
		names = append(names, x.Name())
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok {
			names = append(names, structFieldName(fa.X.Type(), fa.Field))
		}
	case *ssa.Field:
		names = append(names, structFieldName(x.X.Type(), x.Field))
	}
	if refs := v.Referrers(); refs != nil {
		for _, r := range *refs {
			if d, ok := r.(*ssa.DebugRef); ok {
				if id, ok := ast.Unparen(d.Expr).(*ast.Ident); ok {
					names = append(names, id.Name)
				}
			}
		}
	}
	for _, n := range names {
		ws := credname.Words(n)
		if len(ws) > 0 && identityWords[ws[len(ws)-1]] {
			return true
		}
	}
	return false
}

// A value its function tests for a secret key's prefix
// (strings.HasPrefix(key, "sk_live_"): a client that rejects a
// publishable key pasted by mistake) is a secret API key: the test is
// the program saying so, whatever the value is called. The prefix must
// be a prefix, short, not a whole key.

// keyPrefixed marks the root of v as an API key when prefix is a
// constant that starts with a secret key's prefix.
func (f *fnState) keyPrefixed(v, prefix ssa.Value, pos token.Pos) {
	lit, ok := credsrc.ConstKey(prefix)
	if !ok || len(lit) > 16 {
		return
	}
	if _, ok := credname.CutSecretKeyPrefix(lit); !ok {
		return
	}
	root := presentedRoot(v)
	if root == nil || f.vals[root].tr != nil {
		return
	}
	f.presentAs(root, credsrc.Source{Kind: credname.APIKey, Desc: "secret API key (tested for the prefix " + strconv.Quote(lit) + ")", Typed: true}, pos)
}
