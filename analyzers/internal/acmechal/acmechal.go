// Package acmechal recognises the values of the ACME protocol (RFC 8555)
// that are public by design, so that a name such as token does not make
// them credentials: a challenge's token, which the HTTP-01 validation
// URL carries in its path (/.well-known/acme-challenge/<token>, §8.3),
// and the key authorization built from it, which the HTTP-01 response
// body and the DNS-01 TXT record publish (§8.1, §8.4). Logging either or
// putting it in an error leaks nothing an observer of the validation
// does not see.
//
// The secrets of ACME are not among them: the account key (a
// crypto.Signer, never string-like) and the HMAC key of an external
// account binding keep their names' verdict.
//
// What decides is the declaring package, known by its import path (a
// path segment acme or acmez, or the go-acme/lego module), and the
// protocol's own names for the two values; a name alone never does.
package acmechal

import (
	"go/ast"
	"go/types"
	"strings"
	"sync"

	"github.com/authvet/authvet/analyzers/internal/textual"
)

// HTTP01Prefix is the path under which an HTTP-01 challenge's token is
// served (RFC 8555 §8.3).
const HTTP01Prefix = "/.well-known/acme-challenge/"

// IsPackage reports whether the import path is that of an ACME package,
// one with a path segment acme or acmez: golang.org/x/crypto/acme,
// mholt/acmez's acme, lego's acme, the ACME server of
// smallstep/certificates and its storage (…/acme/db/nosql), a
// project's own acme package.
func IsPackage(path string) bool {
	for _, seg := range strings.Split(path, "/") {
		if seg == "acme" || seg == "acmez" {
			return true
		}
	}
	return false
}

// isLego reports whether path is in the go-acme/lego module, whose
// challenge package declares the interface its providers implement.
// Its providers' own API clients are not ACME code: their fields are
// judged as any other.
func isLego(path string) bool {
	return path == "github.com/go-acme/lego" || strings.HasPrefix(path, "github.com/go-acme/lego/")
}

// publicName reports whether name is one of the protocol's names for
// the challenge token or the key authorization, in any case and with or
// without separators: token, keyAuthorization, keyAuth, challengeToken,
// chToken, chalToken.
func publicName(name string) bool {
	n := normal(name)
	return n == "token" || explicitName(n)
}

// PublicName reports whether name is one of the protocol's names for the
// challenge token or the key authorization (token, keyAuth,
// challengeToken). Only in code that serves the HTTP-01 path
// (ServesHTTP01) or belongs to a challenge does it say the value is
// the challenge's.
func PublicName(name string) bool { return publicName(name) }

// explicitName reports whether the normalised name says challenge
// token or key authorization by itself, without a bare "token".
func explicitName(n string) bool {
	switch n {
	case "keyauthorization", "keyauth", "keyauthz", "challengetoken", "chtoken", "chaltoken":
		return true
	}
	return false
}

func normal(name string) string {
	return strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(name))
}

// PublicField reports whether f, a field of the struct type named owner
// ("" when not known), holds a challenge token or a key authorization:
// a field of an ACME package with an explicit name (keyAuthorization,
// chToken), or a bare Token of a challenge or authorization type (owner
// names one, as acme.Challenge in x/crypto, lego and acmez and an ACME
// server's stored dbChallenge and dbAuthz do; the authorization's token
// is the one its challenges publish) or of a type serving the HTTP-01
// or TLS-ALPN-01 challenge (servesChallenge). A Token of another type of an ACME
// package (a DNS provider's API token in its configuration) is not.
func PublicField(f *types.Var, owner string) bool {
	if f == nil || !f.IsField() || f.Pkg() == nil || !IsPackage(f.Pkg().Path()) {
		return false
	}
	n := normal(f.Name())
	if explicitName(n) {
		return true
	}
	o := strings.ToLower(owner)
	return n == "token" && (strings.Contains(o, "chal") || strings.Contains(o, "authz") || strings.Contains(o, "authorization") || servesChallenge(o))
}

// servesChallenge reports whether a type's lower-cased name says it
// serves the HTTP-01 or TLS-ALPN-01 challenge (cert-manager's
// HTTP01Solver, a TLSALPN01Provider): all such a type holds under Token
// is the challenge's token. A DNS-01 solver's Token may be its DNS
// provider's API token, so dns01 is not among them.
func servesChallenge(o string) bool {
	return strings.Contains(o, "http01") || strings.Contains(o, "tlsalpn")
}

// PublicParam reports whether parameter i of fn (receiver not counted)
// receives a challenge token or key authorization: fn is a method of a
// type that implements an interface declared in an ACME package that
// fn's package imports, directly or not (lego's challenge.Provider,
// whose Present and CleanUp take domain, token and keyAuth), and the
// interface method's parameter at i carries one of the protocol's names.
// The implementation's own parameter names do not matter.
func PublicParam(fn *types.Func, i int) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || i < 0 || i >= sig.Params().Len() {
		return false
	}
	recv := sig.Recv().Type()
	for _, named := range interfaces(fn.Pkg()) {
		iface := named.Underlying().(*types.Interface)
		for m := range iface.Methods() {
			if m.Name() != fn.Name() {
				continue
			}
			msig := m.Type().(*types.Signature)
			if msig.Params().Len() != sig.Params().Len() || !publicName(msig.Params().At(i).Name()) {
				continue
			}
			if types.Implements(recv, iface) || types.Implements(types.NewPointer(recv), iface) {
				return true
			}
		}
	}
	return false
}

// ChallengeMethodParam reports whether parameter i of fn (receiver not
// counted) receives a challenge token or key authorization: fn is a
// ChallengeMethod and the parameter carries one of the protocol's names.
// A token parameter of another type's method (a DNS solver's API
// client) is not.
func ChallengeMethodParam(fn *types.Func, i int) bool {
	if !ChallengeMethod(fn) {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return i >= 0 && i < sig.Params().Len() && publicName(sig.Params().At(i).Name())
}

// ChallengeMethod reports whether fn is a method of a challenge or
// authorization type of an ACME package: the receiver's name says chal,
// authz or authorization, as traefik's acme provider's ChallengeHTTP,
// whose ServeHTTP reads the challenge token from the HTTP-01 path and
// whose getTokenValue(ctx, token, domain) looks its response up. What
// such a method calls token is the challenge's.
func ChallengeMethod(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || !IsPackage(fn.Pkg().Path()) {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	o := strings.ToLower(n.Obj().Name())
	return strings.Contains(o, "chal") || strings.Contains(o, "authz") || strings.Contains(o, "authorization")
}

// TakesPublic reports whether parameter i of fn, a function of an ACME
// package, takes a challenge token or key authorization by the
// protocol's names (acme.KeyAuthorization(token, …)): what is passed
// there is no credential handed over.
func TakesPublic(fn *types.Func, i int) bool {
	if fn == nil || fn.Pkg() == nil || !IsPackage(fn.Pkg().Path()) {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && i >= 0 && i < sig.Params().Len() && publicName(sig.Params().At(i).Name())
}

// ifaces caches interfaces: *types.Package -> []*types.Named.
var ifaces sync.Map

// interfaces returns the named interfaces declared in the ACME packages
// and the lego module among pkg's imports, direct or not, with a method that takes a token
// or key authorization by the protocol's names.
func interfaces(pkg *types.Package) []*types.Named {
	if v, ok := ifaces.Load(pkg); ok {
		return v.([]*types.Named)
	}
	var found []*types.Named
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if IsPackage(p.Path()) || isLego(p.Path()) {
			scope := p.Scope()
			for _, name := range scope.Names() {
				tn, ok := scope.Lookup(name).(*types.TypeName)
				if !ok || !tn.Exported() {
					continue
				}
				n, ok := tn.Type().(*types.Named)
				if !ok {
					continue
				}
				if it, ok := n.Underlying().(*types.Interface); ok && takesPublic(it) {
					found = append(found, n)
				}
			}
		}
		for _, imp := range p.Imports() {
			walk(imp)
		}
	}
	walk(pkg)
	v, _ := ifaces.LoadOrStore(pkg, found)
	return v.([]*types.Named)
}

// takesPublic reports whether a method of it has a string parameter
// named for a token or key authorization.
func takesPublic(it *types.Interface) bool {
	for m := range it.Methods() {
		params := m.Type().(*types.Signature).Params()
		for p := range params.Variables() {
			if publicName(p.Name()) && isString(p.Type()) {
				return true
			}
		}
	}
	return false
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// ServesHTTP01 reports whether body refers to the HTTP-01 path, as a
// constant of its own or another package's (the prefix it tests the
// request's path against, or trims off it): a function that serves the
// challenge, whose token is the public path segment.
func ServesHTTP01(info *types.Info, body ast.Node) bool {
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if s, ok := textual.ConstString(info, e); ok {
			if strings.HasPrefix(s, HTTP01Prefix) || s == strings.TrimSuffix(HTTP01Prefix, "/") {
				found = true
			}
			return false
		}
		return true
	})
	return found
}
