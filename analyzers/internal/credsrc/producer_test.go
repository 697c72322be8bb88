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
