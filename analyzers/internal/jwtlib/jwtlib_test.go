package jwtlib

import (
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		path  string
		fam   Family
		major int
		sub   string
		ok    bool
	}{
		{"github.com/golang-jwt/jwt/v5", GolangJWT, 5, "", true},
		{"github.com/golang-jwt/jwt", GolangJWT, 3, "", true},
		{"github.com/golang-jwt/jwt/v4/request", GolangJWT, 4, "request", true},
		{"example.com/app/vendor/github.com/dgrijalva/jwt-go", GolangJWT, 3, "", true},
		{"github.com/golang-jwt/jwt/v6", Unknown, 0, "", false}, // an unknown major
		{"github.com/golang-jwt/jwtauth", Unknown, 0, "", false},
		{"gopkg.in/square/go-jose.v2/jwt", GoJose, 2, "jwt", true},
		{"github.com/go-jose/go-jose/v4", GoJose, 4, "", true},
		{"github.com/lestrrat-go/jwx/v3/jwk", JWX, 3, "jwk", true},
		{"github.com/lestrrat-go/jwx/jwt", JWX, 1, "jwt", true},
		{"github.com/cristalhq/jwt/v5", Cristal, 5, "", true},
		{"github.com/kataras/jwt", Kataras, 0, "", true},
		{"github.com/go-kit/kit/auth/jwt", GoKit, 0, "", true},
		{"github.com/go-kit/kit/endpoint", Unknown, 0, "", false},
		{"github.com/coreos/go-oidc/v3/oidc", OIDC, 3, "oidc", true},
		{"github.com/zitadel/oidc/v3/pkg/oidc", Unknown, 0, "", false},
	} {
		p, ok := Lookup(tc.path)
		if ok != tc.ok || p.Family != tc.fam || p.Major != tc.major || p.Sub != tc.sub {
			t.Errorf("Lookup(%q) = %+v, %v; want family %v major %d sub %q, %v", tc.path, p, ok, tc.fam, tc.major, tc.sub, tc.ok)
		}
	}
}

// function declares a function (recv == "") or a method of a named type
// recv in a package at path.
func function(path, recv, name string, params ...types.Type) *types.Func {
	pkg := types.NewPackage(path, "x")
	var vars []*types.Var
	for _, p := range params {
		vars = append(vars, types.NewParam(token.NoPos, pkg, "", p))
	}
	var rv *types.Var
	if recv != "" {
		tn := types.NewTypeName(token.NoPos, pkg, recv, nil)
		named := types.NewNamed(tn, types.NewStruct(nil, nil), nil)
		rv = types.NewVar(token.NoPos, pkg, "r", types.NewPointer(named))
	}
	sig := types.NewSignatureType(rv, nil, nil, types.NewTuple(vars...), nil, false)
	return types.NewFunc(token.NoPos, pkg, name, sig)
}

func TestClassify(t *testing.T) {
	str := types.Typ[types.String]
	for _, tc := range []struct {
		fn   *types.Func
		role Role
		ok   bool
	}{
		{function("github.com/golang-jwt/jwt/v5", "Parser", "ParseUnverified", str), Unverified, true},
		{function("github.com/golang-jwt/jwt/v5", "", "ParseUnverified", str), RoleNone, false}, // only the method
		{function("github.com/golang-jwt/jwt/v4", "", "WithoutClaimsValidation"), SkipValidation, true},
		{function("github.com/go-jose/go-jose/v3/jwt", "JSONWebToken", "UnsafeClaimsWithoutVerification"), Unverified, true},
		{function("github.com/go-jose/go-jose/v3/jwt", "JSONWebToken", "Claims"), Verify, true},
		{function("github.com/go-jose/go-jose/v3/jwt", "Claims", "Validate"), ValidateClaims, true},
		{function("github.com/lestrrat-go/jwx/v2/jwt", "", "ParseInsecure"), Unverified, true},
		{function("github.com/lestrrat-go/jwx/v2/jwt", "", "WithVerify"), OptVerify, true},
		{function("github.com/lestrrat-go/jwx/jwt", "", "Parse"), Verify, true},            // v1: verifies only with a key option
		{function("github.com/lestrrat-go/jwx/jwt", "", "WithVerify"), PinAlgs, true},      // v1: WithVerify(alg, key)
		{function("github.com/lestrrat-go/jwx/jwt", "", "ParseInsecure"), RoleNone, false}, // v2 and later only
		{function("github.com/lestrrat-go/jwx/v3/jwt", "", "WithKey"), PinAlgs, true},
		{function("github.com/cristalhq/jwt/v4", "", "ParseNoVerify"), Unverified, true},
		{function("github.com/kataras/jwt", "", "Decode"), Unverified, true},
		{function("github.com/kataras/jwt", "", "Verify"), Verify, true},
		{function("github.com/go-kit/kit/auth/jwt", "", "NewParser"), Verify, true},
		{function("github.com/coreos/go-oidc", "IDTokenVerifier", "Verify"), Verify, true},
		{function("example.com/jwt", "", "Decode"), RoleNone, false},
	} {
		f, ok := Classify(tc.fn)
		if ok != tc.ok || f.Role != tc.role {
			t.Errorf("Classify(%s) = role %d, %v; want %d, %v", tc.fn.FullName(), f.Role, ok, tc.role, tc.ok)
		}
	}
}

func TestURLSinks(t *testing.T) {
	want := map[string]string{
		"github.com/coreos/go-oidc/v3/oidc.NewProvider": "oidc.NewProvider",
		"github.com/coreos/go-oidc.NewRemoteKeySet":     "oidc.NewRemoteKeySet",
		"github.com/lestrrat-go/jwx/jwk.Fetch":          "jwk.Fetch",
		"github.com/lestrrat-go/jwx/v3/jwk.Fetch":       "jwk.Fetch",
	}
	got := map[string]string{}
	for _, s := range URLSinks() {
		if s.Arg != 1 {
			t.Errorf("%s: arg %d, want 1", s.Key, s.Arg)
		}
		got[s.Key] = s.Display
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("URLSinks()[%q] = %q, want %q", k, got[k], v)
		}
	}
}

func TestIsKeyfunc(t *testing.T) {
	pkg := types.NewPackage("github.com/golang-jwt/jwt/v5", "jwt")
	tok := types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Token", nil), types.NewStruct(nil, nil), nil)
	any := types.Universe.Lookup("any").Type()
	errT := types.Universe.Lookup("error").Type()
	sig := types.NewSignatureType(nil, nil, nil,
		types.NewTuple(types.NewParam(token.NoPos, pkg, "t", types.NewPointer(tok))),
		types.NewTuple(types.NewParam(token.NoPos, pkg, "", any), types.NewParam(token.NoPos, pkg, "", errT)), false)
	if !IsKeyfunc(sig) {
		t.Error("func(*jwt.Token) (any, error) is a key function")
	}
	other := types.NewSignatureType(nil, nil, nil,
		types.NewTuple(types.NewParam(token.NoPos, pkg, "t", types.Typ[types.String])),
		types.NewTuple(types.NewParam(token.NoPos, pkg, "", any), types.NewParam(token.NoPos, pkg, "", errT)), false)
	if IsKeyfunc(other) {
		t.Error("func(string) (any, error) is not a key function")
	}
}

// jwtlib is a leaf of the shared layer: the standard library only, so
// that every analyzer can ask it without pulling anything in.
func TestLeaf(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.Contains(strings.Split(p, "/")[0], ".") {
				t.Errorf("%s imports %s: jwtlib depends on the standard library only", name, p)
			}
		}
	}
}

func TestClaimsType(t *testing.T) {
	mk := func(path, name string) types.Type {
		pkg := types.NewPackage(path, "x")
		return types.NewNamed(types.NewTypeName(token.NoPos, pkg, name, nil), types.NewStruct(nil, nil), nil)
	}
	for _, tc := range []struct {
		t     types.Type
		field string
		ok    bool
	}{
		{mk("github.com/golang-jwt/jwt/v5", "RegisteredClaims"), "ExpiresAt", true},
		{types.NewPointer(mk("github.com/dgrijalva/jwt-go", "StandardClaims")), "ExpiresAt", true},
		{mk("github.com/golang-jwt/jwt/v4", "MapClaims"), "", true},
		{mk("github.com/go-jose/go-jose/v4/jwt", "Claims"), "Expiry", true},
		{mk("github.com/go-jose/go-jose/v4", "Claims"), "", false}, // not the jwt package
		{mk("example.com/app", "RegisteredClaims"), "", false},
	} {
		_, field, ok := ClaimsType(tc.t)
		if field != tc.field || ok != tc.ok {
			t.Errorf("ClaimsType(%s) = %q, %v; want %q, %v", tc.t, field, ok, tc.field, tc.ok)
		}
	}
}
