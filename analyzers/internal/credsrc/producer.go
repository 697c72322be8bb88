package credsrc

import (
	"fmt"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// A function named for making or fetching a credential returns one:
// store.RotateSCIMToken(tid), keys.GenerateAPIKey(), auth.IssueToken(u),
// vault.GetDBPassword(). Its result is a credential wherever it goes,
// whatever the variable it lands in is called (tok, v, s). The name is
// the hint, as a variable's name is: a verb that produces (generate,
// new, create, mint, issue, rotate, refresh, sign, exchange, fetch, get,
// load, read, obtain, request), and a credential noun ending the name,
// on a string-like result. A function whose name says its token is of a
// kind that is no credential (NextPageToken), or that masks, hashes or
// shortens one (RedactToken, HashPassword, TokenPrefix), is not.

// producerVerbs are the first words of a function that makes or fetches
// a value.
var producerVerbs = map[string]bool{
	"generate": true, "gen": true, "new": true, "create": true, "make": true, "mint": true, "issue": true,
	"rotate": true, "regenerate": true, "refresh": true, "renew": true, "sign": true, "exchange": true,
	"fetch": true, "get": true, "load": true, "read": true, "obtain": true, "request": true, "acquire": true,
	"must": true,
}

// notProducing are words that say the function transforms a credential
// into something that is not one.
var notProducing = map[string]bool{
	"mask": true, "masked": true, "redact": true, "redacted": true, "sanitize": true, "sanitized": true,
	"obfuscate": true, "hide": true, "scrub": true, "truncate": true, "truncated": true, "shorten": true,
	"short": true, "prefix": true, "suffix": true, "fingerprint": true, "digest": true, "hint": true,
	"preview": true, "last": true,
}

// FromProducer reports whether the result of a call to fn, of type t,
// is a credential by fn's name.
func FromProducer(fn *types.Func, t types.Type) (Source, bool) {
	if fn == nil || !StringLike(t) {
		return Source{}, false
	}
	name := fn.Name()
	w := credname.Words(name)
	if len(w) < 2 || !producerVerbs[w[0]] {
		return Source{}, false
	}
	for _, x := range w {
		if notProducing[x] {
			return Source{}, false
		}
	}
	if credname.TokenKindFunc(name) || credname.Hashed(name) {
		return Source{}, false
	}
	// The noun ends the name: GetTokenURL and NewTokenSource name
	// something else.
	k := credname.Classify(name)
	if k == credname.None || credname.Classify(w[len(w)-1]) == credname.None && credname.Classify(w[len(w)-2]+"_"+w[len(w)-1]) == credname.None {
		return Source{}, false
	}
	return Source{Kind: k, Desc: fmt.Sprintf("%s returned by %s", k, QualifiedName(fn))}, true
}
