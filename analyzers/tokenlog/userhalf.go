package tokenlog

import (
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// A function that splits a credential into who and what,
//
//	func ParseBasicAuth(auth string) (username, password string, ok bool)
//
// returns the secret in one result and the caller's name in another,
// as net/http's Request.BasicAuth does (whose user name is no source,
// credsrc). Both are computed from the credential, but only the
// secret-named result carries it: the user name is an identifier that
// logs rightly hold. So when a signature names one result as a
// credential (password, secret, token, key) and another as a user name
// (user, username, login, userID), the user-name result carries no
// credential in the function's summary. Unnamed results, and functions
// that return a user name with no credential-named result beside it
// (a helper returning the header's first half, whatever it holds), are
// left as they were.

// userNameResults returns the indices of the results of sig that name
// the user while a sibling names a credential, or nil.
func userNameResults(sig *types.Signature) map[int]bool {
	res := sig.Results()
	secret := false
	for i := range res.Len() {
		if credname.Classify(res.At(i).Name()) != credname.None {
			secret = true
		}
	}
	if !secret {
		return nil
	}
	var out map[int]bool
	for i := range res.Len() {
		name := res.At(i).Name()
		if credname.Classify(name) == credname.None && userNamed(name) {
			if out == nil {
				out = map[int]bool{}
			}
			out[i] = true
		}
	}
	return out
}

// userNamed reports whether a result's name says it holds the user:
// user, username, userName, login, uname, userID.
func userNamed(name string) bool {
	w := credname.Words(name)
	switch len(w) {
	case 1:
		switch w[0] {
		case "user", "username", "usr", "uname", "login", "userid":
			return true
		}
	case 2:
		return w[0] == "user" && (w[1] == "name" || w[1] == "id")
	}
	return false
}
