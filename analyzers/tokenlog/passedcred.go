package tokenlog

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/acmechal"
	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A value the function itself hands over as a credential is one, on the
// path where it does so, whatever it is called. soft-serve's basic-auth
// check
//
//	} else if username != "" {
//		// Try to authenticate using access token as the username
//		logger.Debug("trying to authenticate using access token as username", "username", username)
//		user, err := be.UserByAccessToken(ctx, username)
//
// logs an access token: the next statement passes the same value as
// UserByAccessToken's parameter token. The user-name half of basic auth
// is rightly no source, and no name in this function says credential;
// the callee's parameter does.
//
// Rule: a value printed by a sink call (an argument, or an element of
// its variadic list), that is a parameter or a non-constant local of a
// string-like type and carries no credential already, is reported when
// the same function passes that very value, as argument j, to a call
// whose callee's parameter j is named as a credential (credname.Classify:
// token, accessToken, password, secret, apiKey; not a cursor parameter,
// credname.CursorParam), or stores it into a struct field that holds a
// credential (one the package sends as a credential, sentfields.go, or
// one named as a credential), and one of the two dominates the other:
// they are on the same path. A value logged in a branch where another
// value is the credential (password is the token, username only logged)
// is not reached, since the call passing it sits on another path.
//
// Only loggers count (tokenlog/log): a console print (fmt.Println,
// fmt.Fprintf to os.Stderr) of a value known as a credential by this
// inference alone is more often the program handing the operator what
// it just made (listmonk's installer prints the API token it generated
// and hashed), as the print rule's command-output test already allows
// for named credentials.
//
// What it can add wrongly: a callee whose parameter name misdescribes
// what it takes (a lookup by user name whose parameter is called token).

// passedAsCredential reports the printed values of sink call c that the
// function hands to a credential-named parameter on the same path.
func (f *fnState) passedAsCredential(c *ssa.CallCommon, sk sink, args []ssa.Value, isOutput func() bool) {
	if !f.report || sk.rule != ruleLog {
		return
	}
	var site ssa.Instruction
	var printed []ssa.Value
	for i := sk.first; i < len(args); i++ {
		a := args[i]
		if i == len(args)-1 && c.Signature().Variadic() {
			printed = append(printed, sliceElems(a)...)
			continue
		}
		printed = append(printed, a)
	}
	for _, v := range printed {
		v = unwrapIface(v)
		if !passable(v) || !f.passedToCredential(v) && !f.storedAsCredential(v) || f.deep(v).tr != nil {
			continue
		}
		if site == nil {
			if site = f.callInstr(c); site == nil {
				return
			}
		}
		src, at, ok := f.credentialUse(v, site)
		if !ok || isOutput() {
			continue
		}
		tr := &trace{src: src, steps: []analysis.RelatedInformation{{Pos: at, Message: src.Desc}}}
		f.leak(c, tr, sk.rule, sk.name, nil, false, nil, nil)
		return
	}
}

// callInstr finds the instruction of call c in f's function.
func (f *fnState) callInstr(c *ssa.CallCommon) ssa.Instruction {
	for _, b := range f.fn.Blocks {
		for _, in := range b.Instrs {
			if ci, ok := in.(ssa.CallInstruction); ok && ci.Common() == c {
				return in
			}
		}
	}
	return nil
}

// sliceElems returns the values stored into the array behind a variadic
// list built at the call (the compiler's new [n]any + stores).
func sliceElems(s ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, v := range indexedElems(s) { // urlparam.go
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}

func unwrapIface(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// passable reports whether v is a parameter or a computed local of a
// string-like type: not a constant, a global or a field read of memory
// another path may change.
func passable(v ssa.Value) bool {
	if !credsrc.StringLike(v.Type()) {
		return false
	}
	switch v.(type) {
	case *ssa.Parameter, *ssa.Call, *ssa.Extract, *ssa.Lookup, *ssa.Index, *ssa.Slice, *ssa.Phi:
		return true
	}
	return false
}

// passedToCredential reports whether some call passes v to a
// credential-named parameter (credentialUse without the path test).
func (f *fnState) passedToCredential(v ssa.Value) bool {
	_, _, ok := f.credentialCall(v, nil)
	return ok
}

// storedAsCredential reports whether the function stores v into a
// credential field (credentialStore without the path test).
func (f *fnState) storedAsCredential(v ssa.Value) bool {
	_, _, ok := f.credentialStore(v, nil)
	return ok
}

// credentialUse finds a call of the function that passes v to a
// credential-named parameter, or a store of v into a credential field,
// on a path with site.
func (f *fnState) credentialUse(v ssa.Value, site ssa.Instruction) (credsrc.Source, token.Pos, bool) {
	if src, at, ok := f.credentialCall(v, site); ok {
		return src, at, true
	}
	return f.credentialStore(v, site)
}

// credentialStore finds a store of v into a struct field that holds a
// credential, on a path with site unless site is nil: a field the
// package hands over as one (sentfields.go), or a string-like field
// named as one (credname.Classify; hashed values, fields the package
// shows hold none and the shared layer's known plain fields excluded).
// A client built as patTransport{pat: pat}, whose RoundTrip sends
// t.pat as a token header, says what its constructor's pat parameter
// is.
func (f *fnState) credentialStore(v ssa.Value, site ssa.Instruction) (credsrc.Source, token.Pos, bool) {
	refs := v.Referrers()
	if refs == nil {
		return credsrc.Source{}, 0, false
	}
	for _, r := range *refs {
		if src, at, ok := credentialMapEntry(r, v, site); ok {
			return src, at, true
		}
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != v {
			continue
		}
		fa, ok := st.Addr.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		fld := credsrc.FieldOf(fa.X.Type(), fa.Field)
		if fld == nil || site != nil && !samePath(site, st) {
			continue
		}
		if src, ok := f.st.sent[fld]; ok {
			// "token in field pat (sent as …)" becomes "token stored in
			// field pat (sent as …)".
			return credsrc.Source{Kind: src.Kind, Desc: strings.Replace(src.Desc, " in field ", " stored in field ", 1)}, st.Pos(), true
		}
		if _, plain := f.st.plain[fld]; plain || credsrc.KnownPlainField(fld) {
			continue
		}
		if k, ok := credentialParam("", fld); ok {
			return credsrc.Source{Kind: k, Desc: fmt.Sprintf("%s stored in field %s", k, fld.Name())}, st.Pos(), true
		}
	}
	return credsrc.Source{}, 0, false
}

// credentialCall finds a call that passes v to a credential-named
// parameter, on a path with site unless site is nil.
func (f *fnState) credentialCall(v ssa.Value, site ssa.Instruction) (credsrc.Source, token.Pos, bool) {
	refs := v.Referrers()
	if refs == nil {
		return credsrc.Source{}, 0, false
	}
	for _, r := range *refs {
		ci, ok := r.(ssa.CallInstruction)
		if !ok || ci == site {
			continue
		}
		cc := ci.Common()
		sig := cc.Signature()
		if sig == nil {
			continue
		}
		args := cc.Args
		if !cc.IsInvoke() && sig.Recv() != nil && len(args) > 0 {
			args = args[1:]
		}
		params := sig.Params()
		for j, a := range args {
			if a != v || j >= params.Len() || sig.Variadic() && j >= params.Len()-1 {
				continue
			}
			name := params.At(j).Name()
			k, ok := credentialParam(calleeName(cc), params.At(j))
			fn := credsrc.Callee(cc)
			if !ok || publicHalf(params, j) || acmePublic(fn, j) || site != nil && !samePath(site, ci) || credsrc.AccessKeyID(params.At(j), f.st.accessPairs) {
				continue
			}
			if fn != nil && f.st.inertParams().inert(fn, j) {
				continue // the callee only records it (inertparam.go)
			}
			if _, plain := f.st.plain[params.At(j)]; plain {
				continue // the callee's body shows it holds none (plainParams)
			}
			callee := calleeName(cc)
			if fn != nil {
				callee = credsrc.QualifiedName(fn)
			}
			return credsrc.Source{Kind: k, Desc: fmt.Sprintf("%s passed as parameter %s of %s", k, name, callee)}, ci.Pos(), true
		}
	}
	return credsrc.Source{}, 0, false
}

// credentialParam reports whether parameter p of the function called
// callee is named as a credential and holds a string-like value: the
// kind its name says (credname.Classify), hashed values and pagination
// cursors excluded. A value passed there is handed over as that
// credential (here, and for fields in sentfields.go).
func credentialParam(callee string, p *types.Var) (credname.Kind, bool) {
	name := p.Name()
	k := credname.Classify(name)
	if k == credname.None || credname.Hashed(name) || credname.CursorParam(callee, name) || !credsrc.StringLike(p.Type()) {
		return credname.None, false
	}
	if sl, list := p.Type().Underlying().(*types.Slice); list && isString(sl.Elem()) && credname.SecretNameList(name) {
		return credname.None, false // imagePullSecrets []string: names of Secret objects
	}
	return k, true
}

// acmePublic reports whether parameter j of fn takes an ACME challenge's
// token or key authorization (acmechal): public by design.
func acmePublic(fn *types.Func, j int) bool {
	return fn != nil && (acmechal.TakesPublic(fn, j) || acmechal.PublicParam(fn, j) || acmechal.ChallengeMethodParam(fn, j))
}

// publicHalf reports whether parameter j of a key pair's signature is
// its public half: named for a key (clientKey, consumerKey, appKey),
// beside a parameter named for the secret (goth's New(clientKey, secret,
// callbackURL), an OAuth 1 client's (consumerKey, consumerSecret)). The
// key names the client; the secret proves it.
func publicHalf(params *types.Tuple, j int) bool {
	if credname.AccessKeyName(params.At(j).Name()) {
		// (accessKey, secretKey string): the key id of the pair.
		for i := range params.Len() {
			if i != j && credname.SecretKeyName(params.At(i).Name()) {
				return true
			}
		}
	}
	w := credname.Words(params.At(j).Name())
	if len(w) < 2 || w[len(w)-1] != "key" {
		return false
	}
	switch w[0] {
	case "client", "consumer", "app", "application":
	default:
		return false
	}
	for i := range params.Len() {
		if i != j && slices.Contains(credname.Words(params.At(i).Name()), "secret") {
			return true
		}
	}
	return false
}

// samePath reports whether one of two instructions of a function
// dominates the other.
func samePath(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil || ab.Parent() != bb.Parent() {
		return false
	}
	return ab.Dominates(bb) || bb.Dominates(ab)
}

// credentialMapEntry reports a map entry the function stores v under
// with a constant key named as a credential (a response the handler
// writes, map[string]string{"api_key": key}, gin.H{"token": t}), also
// through the interface conversion of a map[string]any, on a path with
// site unless site is nil: the program calls the value a credential.
// Keys too generic to say so ("key", "sig", "auth") and those that name
// no reusable secret (queryCredentialKey) do not count.
func credentialMapEntry(r ssa.Instruction, v ssa.Value, site ssa.Instruction) (credsrc.Source, token.Pos, bool) {
	var ups []*ssa.MapUpdate
	switch r := r.(type) {
	case *ssa.MapUpdate:
		if r.Value == v {
			ups = append(ups, r)
		}
	case *ssa.MakeInterface:
		if refs := r.Referrers(); refs != nil {
			for _, rr := range *refs {
				if u, ok := rr.(*ssa.MapUpdate); ok && u.Value == ssa.Value(r) {
					ups = append(ups, u)
				}
			}
		}
	}
	for _, u := range ups {
		key, ok := credsrc.ConstString(u.Key)
		if !ok || !queryCredentialKey(key) || site != nil && !samePath(site, u) {
			continue
		}
		k := credname.Classify(key)
		if k == credname.None {
			k = credname.Credential
		}
		return credsrc.Source{Kind: k, Desc: fmt.Sprintf("%s stored under map key %q", k, key)}, u.Pos(), true
	}
	return credsrc.Source{}, 0, false
}
