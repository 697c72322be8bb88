package hardcodedcred

import (
	"go/constant"
	"go/types"
	"unicode"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// enumLabel reports whether k is one value of a string enumeration: a
// constant of a defined string type that is not named for a credential
// (type Action string), declared beside at least two more constants of
// the same type in its package, whose value is an identifier of letters
// ("GenerateOAuthTokenForClient", "refresh_token"). Such a constant
// names a case the program switches on; its value is compared with
// input, never sent as a secret. The enumeration's siblings are what
// tells it apart from a lone typed constant (const key APIKey = "…"),
// and a value with digits or symbols is still judged as a secret.
func enumLabel(k *types.Const) bool {
	named, ok := types.Unalias(k.Type()).(*types.Named)
	if !ok || k.Val().Kind() != constant.String {
		return false
	}
	if b, ok := named.Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	if classifyName(named.Obj().Name()) != credname.None {
		return false
	}
	if !identifierValue(constant.StringVal(k.Val())) {
		return false
	}
	pkg := k.Pkg()
	if pkg == nil {
		return false
	}
	siblings := 0
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		o, ok := scope.Lookup(name).(*types.Const)
		if !ok || o == k || !types.Identical(o.Type(), named) {
			continue
		}
		siblings++
		if siblings >= 2 {
			return true
		}
	}
	return false
}

// identifierValue reports whether v is an identifier made of letters,
// optionally joined by _ - or .: no digits, no other symbols, at most
// 64 bytes.
func identifierValue(v string) bool {
	if v == "" || len(v) > 64 {
		return false
	}
	for _, r := range v {
		if r > unicode.MaxASCII {
			return false
		}
		if !unicode.IsLetter(r) && r != '_' && r != '-' && r != '.' {
			return false
		}
	}
	return true
}
