package tokenlog

import (
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Credential types and their String methods.
//
// A type with a String method is printed through it, and tokenlog
// assumes such a method hides what the type holds. That is the point
// of a redacting String, and wrong for one that returns the secret
// (func (k APIKey) String() string { return string(k) }). The body
// decides where it is known: String shows the secret when a value it
// returns derives from the secret part of the receiver (the receiver
// itself for a string or []byte type; the fields credsrc.FromField
// takes for credentials; the one string field of a struct type named
// like a password, secret or key), and not through a sanitizer, a
// short prefix or a redaction marker. A method of another analyzed
// package is known by its stringLeak fact; one of an unanalyzed package
// is assumed to hide, as before.
//
// A credential type is a named type whose name says credential
// (credname: Token, APIKey, Password, Secret, Credentials) and whose
// value holds it: a string or []byte type that is not an enumeration
// (no constant of it is declared in its package: type Token string with
// const EOF Token = "EOF" is a lexer's), or a struct with a credential
// field or, for a name that is not Token (lexers call their tokens
// that too), with a single string field that does not name the secret
// (Name, ID, Path, Ref ...). Its values are credentials by type,
// wherever they come from, and printing one through a String that
// shows the secret leaks it.

// stringLeak is the fact that a String method returns the secret part
// of its receiver.
type stringLeak struct{}

// AFact marks stringLeak as an analysis fact.
func (*stringLeak) AFact() {}

func (*stringLeak) String() string { return "tokenlog(String shows the secret)" }

// credType reports whether t (or what it points to) is a credential type,
// and describes its values.
func (st *pkgState) credType(t types.Type) (credsrc.Source, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return credsrc.Source{}, false
	}
	tc := st.typeCache()
	if src, ok := tc.credTypes[n]; ok {
		return src, src.Desc != ""
	}
	var src credsrc.Source
	if k := credname.Classify(n.Obj().Name()); k != credname.None && secretParts(n) != nil && !isEnum(n) && !st.lookupKeyType(n) {
		src = credsrc.Source{Kind: k, Desc: string(k) + " of type " + credsrc.TypeString(n), Typed: true}
	}
	tc.credTypes[n] = src
	return src, src.Desc != ""
}

// secretParts returns the memory paths of the secret part of a value of
// type n: "" for the value itself, ".i" for field i; nil when n holds
// no credential.
func secretParts(n *types.Named) []string {
	if credsrc.StringLike(n.Underlying()) {
		return []string{""}
	}
	s, ok := n.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []string
	for i := 0; i < s.NumFields(); i++ {
		if _, ok := credsrc.FromField(s.Field(i)); ok {
			out = append(out, "."+strconv.Itoa(i))
		}
	}
	if len(out) > 0 {
		return out
	}
	if k := credname.Classify(n.Obj().Name()); k == credname.None || k == credname.Token {
		return nil
	}
	// A wrapper around one string (type Secret struct{ value string }):
	// that string is the secret. With several string fields, or one
	// that names the secret (Name, ID, Path, Ref), the type describes a
	// secret held elsewhere (a Kubernetes secret's namespace and name).
	for i := 0; i < s.NumFields(); i++ {
		if credsrc.StringLike(s.Field(i).Type()) {
			out = append(out, "."+strconv.Itoa(i))
			if referenceField[strings.ToLower(s.Field(i).Name())] {
				return nil
			}
		}
	}
	if len(out) != 1 {
		return nil
	}
	return out
}

// referenceField are field names that identify a secret rather than
// hold it.
var referenceField = map[string]bool{"name": true, "id": true, "path": true, "ref": true, "namespace": true, "file": true, "url": true, "uri": true, "kind": true, "type": true, "key": true, "keyid": true, "version": true}

// isEnum reports whether constants of type n are declared in its
// package: an enumeration of names, not a secret.
func isEnum(n *types.Named) bool {
	scope := n.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		if c, ok := scope.Lookup(name).(*types.Const); ok && types.Identical(c.Type(), n) {
			return true
		}
	}
	return false
}

// stringMethod returns the String method fmt calls on a value of type
// t, when that is how t is printed: nil when t has a method fmt, slog,
// zap or zerolog prefer (Format, LogValue, MarshalLogObject ...) or no
// String at all.
func (st *pkgState) stringMethod(t types.Type) *types.Func {
	tc := st.typeCache()
	if m, ok := tc.stringers[t]; ok {
		return m
	}
	m := stringMethodOf(t)
	tc.stringers[t] = m
	return m
}

func stringMethodOf(t types.Type) *types.Func {
	ms := types.NewMethodSet(t)
	var str *types.Func
	// Only String is judged by its body; a type with any other of the
	// methods credsrc.Hides looks for prints through that one.
	for _, m := range credsrc.HidingMethods() {
		sel := ms.Lookup(nil, m)
		if sel == nil {
			continue
		}
		if m != "String" {
			return nil
		}
		str, _ = sel.Obj().(*types.Func)
	}
	return str
}

// showsSecret reports whether m, the String method of a type, returns
// the secret part of its receiver.
func (st *pkgState) showsSecret(m *types.Func) bool {
	tc := st.typeCache()
	if v, ok := tc.leaks[m]; ok {
		return v
	}
	tc.leaks[m] = false // recursion guard
	var v bool
	if m.Pkg() == st.pass.Pkg {
		if fn := st.ssaPkg.Prog.FuncValue(m); fn != nil && fn.Blocks != nil {
			v = st.bodyShowsSecret(fn)
		}
	} else {
		v = st.pass.ImportObjectFact(m, new(stringLeak))
	}
	tc.leaks[m] = v
	return v
}

// bodyShowsSecret runs String's body with the secret part of its
// receiver marked and reports whether a returned value carries it.
func (st *pkgState) bodyShowsSecret(fn *ssa.Function) bool {
	if len(fn.Params) != 1 || returnsRedactionMarker(fn) {
		return false
	}
	rt := fn.Params[0].Type()
	if p, ok := rt.Underlying().(*types.Pointer); ok {
		rt = p.Elem()
	}
	n, ok := types.Unalias(rt).(*types.Named)
	if !ok {
		return false
	}
	parts := secretParts(n)
	if parts == nil {
		return false
	}
	f := newFnState(st, fn, false, nil)
	recv := fn.Params[0]
	secret := taint{tr: &trace{src: credsrc.Source{Desc: "receiver"}}}
	for _, p := range parts {
		if p == "" {
			f.vals[recv] = f.vals[recv].union(secret)
		}
		f.setMem(recv, p, secret)
	}
	f.run()
	for _, b := range fn.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for _, res := range r.Results {
				if f.deep(res).tr != nil {
					return true
				}
			}
		}
	}
	return false
}

// exportStringLeaks exports a stringLeak fact for the String methods of
// the package's types that return their secret.
func (st *pkgState) exportStringLeaks(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Name() != "String" || fn.Signature.Recv() == nil || fn.Signature.Params().Len() != 0 {
			continue
		}
		if st.showsSecret(obj) {
			st.pass.ExportObjectFact(obj, &stringLeak{})
		}
	}
}

// printedByString is the taint of a value of type t handed to a printer
// as an interface when t prints through a String method that shows its
// secret: the value's own taint, or, for a credential type, the type's
// credential. ok is false when t does not print that way.
func (f *fnState) printedByString(v ssa.Value, t types.Type, pos token.Pos) (taint, bool) {
	m := f.st.stringMethod(t)
	if m == nil || !f.st.showsSecret(m) {
		return taint{}, false
	}
	tt := f.deep(v)
	if tt.tr == nil {
		src, ok := f.st.credType(t)
		if !ok {
			// A struct whatever its name (type LeakyKey struct{ KeyID,
			// Secret string }): String showed one of its credential
			// fields.
			src, ok = shownField(t)
		}
		if ok {
			src.Desc += " shown by its String method"
			tt.tr = &trace{src: src, steps: []analysis.RelatedInformation{{Pos: pos, Message: src.Desc}}}
		}
	}
	return tt, true
}

// stringerCall applies the rule at an explicit call of a String method
// that shows its receiver's secret: the result carries the receiver's
// taint or the credential of its type.
func (f *fnState) stringerCall(c *ssa.CallCommon, obj *types.Func, results []taint) {
	if obj == nil || obj.Name() != "String" || len(results) != 1 || c.IsInvoke() || len(c.Args) != 1 {
		return
	}
	recv := c.Args[0]
	if f.st.stringMethod(recv.Type()) != obj {
		return
	}
	if t, ok := f.printedByString(recv, recv.Type(), c.Pos()); ok {
		results[0] = results[0].union(t)
	}
}

// typeSource recognises a value of a string or []byte credential type
// (see above), or a conversion of one: string(key) of a type APIKey
// string. A struct credential type is not a credential as a whole: its
// other fields (the user name of Credentials) are not secret.
func (f *fnState) typeSource(v ssa.Value) (credsrc.Source, bool) {
	t := v.Type()
	if c, ok := v.(*ssa.Convert); ok {
		t = c.X.Type()
	}
	if !credsrc.StringLike(t) {
		return credsrc.Source{}, false
	}
	return f.st.credType(t)
}

// printedValue is the taint of a value handed to a printer as an
// interface (see makeInterface) when its type decides: a type whose
// String shows its secret, a string credential type. ok is false when
// the type says nothing.
func (f *fnState) printedValue(v *ssa.MakeInterface) (taint, bool) {
	xt := v.X.Type()
	pos := v.Pos()
	if !pos.IsValid() {
		pos = v.X.Pos()
	}
	if isURLType(xt) {
		// URL.String shows the password (see urls.go).
		return f.deep(v.X).union(f.requestURLPrinted(v.X, pos)), true
	}
	if f.st.hidesType(xt) && !(jsonEncoded(v) && !jsonHides(xt)) {
		// encoding/json calls MarshalJSON and MarshalText only: a
		// String or LogValue method hides nothing from it (jsonenc.go).
		return f.printedByString(v.X, xt, pos)
	}
	if t := f.deep(v.X); t.tr == nil {
		if src, ok := f.typeSource(v.X); ok {
			return taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: pos, Message: src.Desc}}}}, true
		}
	}
	return taint{}, false
}

// typeCache holds what stringers.go learns per type and method.
type typeCache struct {
	credTypes map[*types.Named]credsrc.Source
	leaks     map[*types.Func]bool
	stringers map[types.Type]*types.Func
}

func (st *pkgState) typeCache() *typeCache {
	if st.types == nil {
		st.types = &typeCache{credTypes: map[*types.Named]credsrc.Source{}, leaks: map[*types.Func]bool{}, stringers: map[types.Type]*types.Func{}}
	}
	return st.types
}

// fieldHides reports whether a field of a struct printed whole prints
// through a method of its own type that hides its value
// (credsrc.FieldPrintsItself), judging a String method by its body: a
// field of type Secret string whose String returns "[REDACTED]" prints
// the marker, one whose String returns string(s) prints the secret.
func (st *pkgState) fieldHides(f *types.Var) bool {
	if !credsrc.FieldPrintsItself(f) {
		return false
	}
	m := st.stringMethod(f.Type())
	return m == nil || !st.showsSecret(m)
}

// shownField describes the first credential field of struct type t
// (or of what t points to), for a String method that shows it.
func shownField(t types.Type) (credsrc.Source, bool) {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok {
		return credsrc.Source{}, false
	}
	for _, p := range secretParts(n) {
		i, err := strconv.Atoi(strings.TrimPrefix(p, "."))
		if err != nil {
			continue
		}
		if fv := credsrc.FieldOf(n, i); fv != nil {
			if src, ok := credsrc.FromField(fv); ok {
				src.Desc += " of " + credsrc.TypeString(n)
				return src, true
			}
		}
	}
	return credsrc.Source{}, false
}
