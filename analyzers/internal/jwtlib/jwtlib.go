// Package jwtlib is authvet's one table of JWT, JOSE and OpenID Connect
// libraries: which import paths belong to which library, and what each
// function of their API does to a token (verify it, decode it without
// verifying, mint it, switch a check off, pin the algorithms). Every
// analyzer asks this package rather than keeping its own list, so that
// a library added here is known everywhere at once.
//
// The table is by import path and signature, never by the names a
// program gives to values. Vendored copies count as the library.
package jwtlib

import (
	"go/types"
	"strings"
)

// Family is a JWT/JOSE/OIDC library, all of its major versions.
type Family uint8

const (
	Unknown Family = iota
	// GolangJWT is github.com/golang-jwt/jwt v3–v5 and its predecessors
	// dgrijalva/jwt-go and form3tech-oss/jwt-go: Parser, Keyfunc,
	// SigningMethod*, MapClaims, and the request subpackage.
	GolangJWT
	// GoJose is square/go-jose v2 and go-jose/go-jose v3, v4, with
	// their jwt subpackage.
	GoJose
	// JWX is lestrrat-go/jwx v1–v3 (jwt, jws, jwk, jwe, jwa).
	JWX
	// Cristal is cristalhq/jwt v3–v5.
	Cristal
	// Kataras is kataras/jwt.
	Kataras
	// GoKit is go-kit's auth/jwt endpoint middleware, built on
	// golang-jwt.
	GoKit
	// OIDC is coreos/go-oidc v2, v3.
	OIDC
)

var familyNames = [...]string{"unknown", "golang-jwt", "go-jose", "jwx", "cristalhq/jwt", "kataras/jwt", "go-kit auth/jwt", "go-oidc"}

func (f Family) String() string {
	if int(f) < len(familyNames) {
		return familyNames[f]
	}
	return "unknown"
}

// module is one module (or package tree) of a library.
type module struct {
	root   string
	family Family
	major  int
}

// modules lists every supported import path root. A package is in the
// library when its path is the root or below it.
var modules = []module{
	{"github.com/golang-jwt/jwt", GolangJWT, 3},
	{"github.com/golang-jwt/jwt/v4", GolangJWT, 4},
	{"github.com/golang-jwt/jwt/v5", GolangJWT, 5},
	{"github.com/dgrijalva/jwt-go", GolangJWT, 3},
	{"github.com/dgrijalva/jwt-go/v4", GolangJWT, 4},
	{"github.com/form3tech-oss/jwt-go", GolangJWT, 3},
	{"gopkg.in/square/go-jose.v2", GoJose, 2},
	{"gopkg.in/go-jose/go-jose.v2", GoJose, 2},
	{"github.com/square/go-jose", GoJose, 2},
	{"github.com/go-jose/go-jose/v3", GoJose, 3},
	{"github.com/go-jose/go-jose/v4", GoJose, 4},
	{"github.com/lestrrat-go/jwx", JWX, 1},
	{"github.com/lestrrat-go/jwx/v2", JWX, 2},
	{"github.com/lestrrat-go/jwx/v3", JWX, 3},
	{"github.com/cristalhq/jwt/v3", Cristal, 3},
	{"github.com/cristalhq/jwt/v4", Cristal, 4},
	{"github.com/cristalhq/jwt/v5", Cristal, 5},
	{"github.com/kataras/jwt", Kataras, 0},
	{"github.com/go-kit/kit/auth/jwt", GoKit, 0},
	{"github.com/coreos/go-oidc", OIDC, 2},
	{"github.com/coreos/go-oidc/v3", OIDC, 3},
}

// Package is a package of a supported library.
type Package struct {
	Family Family
	// Major is the module's major version (0 when it has none).
	Major int
	// Root is the module's import path root.
	Root string
	// Sub is the path below the root: "" for the root package,
	// "request", "jwt", "jwk", "jws", "oidc".
	Sub string
}

// Unvendor strips a vendor directory prefix from an import path.
func Unvendor(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		return path[i+len("/vendor/"):]
	}
	return strings.TrimPrefix(path, "vendor/")
}

// Lookup returns the library package path belongs to.
func Lookup(path string) (Package, bool) {
	path = Unvendor(path)
	best := -1
	for i, m := range modules {
		if path == m.root || strings.HasPrefix(path, m.root+"/") {
			if best < 0 || len(m.root) > len(modules[best].root) {
				best = i
			}
		}
	}
	if best < 0 {
		return Package{}, false
	}
	m := modules[best]
	sub := strings.TrimPrefix(strings.TrimPrefix(path, m.root), "/")
	if first, _, _ := strings.Cut(sub, "/"); isMajorDir(first) {
		// Another major version than the ones listed: its API is not
		// known.
		return Package{}, false
	}
	return Package{Family: m.family, Major: m.major, Root: m.root, Sub: sub}, true
}

// FamilyOf returns the library family of path, or Unknown.
func FamilyOf(path string) Family {
	p, _ := Lookup(path)
	return p.Family
}

// IsLibrary reports whether path is a package of any supported library.
func IsLibrary(path string) bool {
	_, ok := Lookup(path)
	return ok
}

// IsGolangJWT reports whether path is the main package of a library
// with the golang-jwt API (Parser, Keyfunc, SigningMethod*, MapClaims).
func IsGolangJWT(path string) bool {
	p, ok := Lookup(path)
	return ok && p.Family == GolangJWT && p.Sub == ""
}

// IsGolangJWTRequest reports whether path is the request helper package
// of a golang-jwt library (ParseFromRequest and friends).
func IsGolangJWTRequest(path string) bool {
	p, ok := Lookup(path)
	return ok && p.Family == GolangJWT && p.Sub == "request"
}

// IsOIDC reports whether path is the go-oidc package (v2 root, v3 oidc).
func IsOIDC(path string) bool {
	p, ok := Lookup(path)
	return ok && p.Family == OIDC && (p.Sub == "" || p.Sub == "oidc")
}

// IsJWTPackage reports whether path is the package of a library that
// holds its token type: golang-jwt's root, go-jose's jwt, jwx's jwt,
// cristalhq's and kataras' root.
func IsJWTPackage(path string) bool {
	p, ok := Lookup(path)
	if !ok {
		return false
	}
	switch p.Family {
	case GolangJWT, Cristal, Kataras:
		return p.Sub == ""
	case GoJose, JWX:
		return p.Sub == "jwt"
	}
	return false
}

// IsToken reports whether t (or what it points to) is the token type of
// a library: golang-jwt's Token, go-jose's JSONWebToken, jwx's Token,
// cristalhq's Token, kataras' VerifiedToken / UnverifiedToken.
func IsToken(t types.Type) bool {
	n := named(t)
	if n == nil || n.Obj().Pkg() == nil || !IsJWTPackage(n.Obj().Pkg().Path()) {
		return false
	}
	switch n.Obj().Name() {
	case "Token", "JSONWebToken", "NestedJSONWebToken", "VerifiedToken", "UnverifiedToken":
		return true
	}
	return false
}

// IsGolangJWTToken reports whether t is golang-jwt's Token or *Token.
func IsGolangJWTToken(t types.Type) bool {
	n := named(t)
	return n != nil && n.Obj().Pkg() != nil && IsGolangJWT(n.Obj().Pkg().Path()) && n.Obj().Name() == "Token"
}

// IsKeyfunc reports whether t is golang-jwt's Keyfunc type, or a
// function type with its signature func(*jwt.Token) (any, error).
func IsKeyfunc(t types.Type) bool {
	if t == nil {
		return false
	}
	if n := named(t); n != nil && n.Obj().Pkg() != nil && IsGolangJWT(n.Obj().Pkg().Path()) && n.Obj().Name() == "Keyfunc" {
		return true
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 2 {
		return false
	}
	if _, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Pointer); !ok || !IsGolangJWTToken(sig.Params().At(0).Type()) {
		return false
	}
	return types.IsInterface(sig.Results().At(0).Type())
}

// KeyfuncParam returns the index of fn's golang-jwt key function
// parameter, or -1.
func KeyfuncParam(fn *types.Func) int {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return -1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if n := named(sig.Params().At(i).Type()); n != nil && n.Obj().Pkg() != nil &&
			IsGolangJWT(n.Obj().Pkg().Path()) && n.Obj().Name() == "Keyfunc" {
			return i
		}
	}
	return -1
}

// named returns the named type t is or points to, through aliases.
func named(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}

// RecvName names the receiver's type of a method, or "" for a function.
func RecvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	if n := named(sig.Recv().Type()); n != nil {
		return n.Obj().Name()
	}
	return ""
}

// isMajorDir reports whether s is a major-version directory ("v2").
func isMajorDir(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// claimsTypes are the libraries' registered-claims types, with the field
// that holds exp ("" for a map of claims, keyed "exp").
var claimsTypes = []struct {
	family    Family
	sub, name string
	expiry    string
}{
	{GolangJWT, "", "RegisteredClaims", "ExpiresAt"}, // checked by the parser
	{GolangJWT, "", "StandardClaims", "ExpiresAt"},
	{GolangJWT, "", "MapClaims", ""},
	{GoJose, "jwt", "Claims", "Expiry"},            // checked by Claims.Validate
	{Cristal, "", "RegisteredClaims", "ExpiresAt"}, // checked by IsValidAt
	{Kataras, "", "Claims", "Expiry"},              // checked by Verify
}

// ClaimsType reports whether t (or what it points to) is a library's
// registered-claims type, and names the field holding exp ("" for map
// claims, whose key is "exp").
func ClaimsType(t types.Type) (family Family, expiryField string, ok bool) {
	n := named(t)
	if n == nil || n.Obj().Pkg() == nil {
		return Unknown, "", false
	}
	p, ok := Lookup(n.Obj().Pkg().Path())
	if !ok {
		return Unknown, "", false
	}
	for _, c := range claimsTypes {
		if c.family == p.Family && c.sub == p.Sub && c.name == n.Obj().Name() {
			return c.family, c.expiry, true
		}
	}
	return Unknown, "", false
}
