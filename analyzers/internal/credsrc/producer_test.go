package credsrc

import (
	"go/token"
	"go/types"
	"testing"
)

func TestFromProducer(t *testing.T) {
	str := types.Typ[types.String]
	pkg := types.NewPackage("example.com/store", "store")
	fn := func(name string) *types.Func {
		return types.NewFunc(token.NoPos, pkg, name, types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(types.NewVar(token.NoPos, pkg, "", str)), false))
	}
	for name, want := range map[string]bool{
		"RotateSCIMToken":    true,
		"GenerateAPIKey":     true,
		"IssueAccessToken":   true,
		"GetDBPassword":      true,
		"newSessionToken":    true,
		"FetchClientSecret":  true,
		"Token":              false, // no verb: gorilla/csrf's Token(r)
		"NextPageToken":      false,
		"GetNextPageToken":   false,
		"RedactToken":        false,
		"GetTokenPrefix":     false,
		"HashPassword":       false,
		"GetTokenURL":        false,
		"NewTokenSource":     false,
		"GetTokenType":       false,
		"CreateUser":         false,
		"GenerateRequestID":  false,
		"GetAPIKeyName":      false,
		"GetMaskedAPIKey":    false,
		"LoadTokenFile":      false,
		"GetTokenExpiration": false,
	} {
		_, got := FromProducer(fn(name), str)
		if got != want {
			t.Errorf("FromProducer(%s) = %v, want %v", name, got, want)
		}
	}
	if _, ok := FromProducer(fn("GenerateAPIKey"), types.Typ[types.Int]); ok {
		t.Error("an int result is no credential")
	}
}

// TestSigningKeyField: a field named just Key of a type named for
// signing tokens holds the signing secret; the same name elsewhere (a
// cache entry's key, a public key's) is no credential.
func TestSigningKeyField(t *testing.T) {
	pkg := types.NewPackage("example.com/config", "config")
	field := func(owner, name string, typ types.Type) *types.Var {
		f := types.NewField(token.NoPos, pkg, name, typ, false)
		st := types.NewStruct([]*types.Var{f}, nil)
		tn := types.NewTypeName(token.NoPos, pkg, owner, nil)
		types.NewNamed(tn, st, nil)
		pkg.Scope().Insert(tn)
		return f
	}
	str := types.Typ[types.String]
	for _, tc := range []struct {
		owner, name string
		typ         types.Type
		want        bool
	}{
		{"JWTConfig", "Key", str, true},
		{"HMACSigner", "Key", types.NewSlice(types.Typ[types.Byte]), true},
		{"SigningOptions", "Key", str, true},
		{"CacheEntry", "Key", str, false},
		{"JWTCacheEntry", "Key", str, false},
		{"JWTPublicKeyConfig", "Key", str, false},
		{"ServerConfig", "Key", str, false},
		{"JWTConfig", "KeyID", str, false},
		{"JWTConfig", "Key", types.Typ[types.Int], false},
	} {
		_, got := FromField(field(tc.owner, tc.name, tc.typ))
		if got != tc.want {
			t.Errorf("FromField(%s.%s) = %v, want %v", tc.owner, tc.name, got, tc.want)
		}
	}
}
