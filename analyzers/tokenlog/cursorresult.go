package tokenlog

import (
	"regexp"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// A bare "token" leaves open what kind of token it is, and the program
// says which where it keeps the value. The rule already applies to a
// struct field (Pagination.token, credname.CursorField) and to a
// parameter (decodePageToken(token), credname.CursorParam); this file
// applies it to a function's results. rclone's OneDrive backend reads
// the sync cursor out of a Graph delta link,
//
//	func (f *Fs) changeNotifyStartPageToken(ctx context.Context) (nextDeltaToken string, err error) {
//		…
//		nextDeltaToken = parsedURL.Query().Get("token")
//		return
//	}
//
// and its caller logs "Next delta token is: %s": a cursor handed back
// to the service on the next call, not a credential.
//
// Rule: when a function's name says its token is a cursor, a version
// or an identifier (credname.TokenKindFunc: the last word "token", the
// word before it page, next, continuation, cursor, sync, resume,
// conflict …), or a result's own name says so (nextPageToken,
// continuationToken), the result carries no credential whose source is
// only a bare "token": a "token"/"tokens" URL parameter, form value or
// map entry, or a variable, parameter or field named just token. A
// qualified source decides by itself (an "access_token" parameter, a
// field AccessToken, the Authorization header stay credentials), and so
// does any other function (getToken, fetchToken).
//
// What it can hide: a function named like a cursor reader that returns
// a real credential read under the bare key "token". Its name then
// says the opposite of what it does.

// bareTokenDesc matches the descriptions credsrc gives a source whose
// key or name is only "token" or "tokens".
var bareTokenDesc = regexp.MustCompile(`(?i)(from the "tokens?" (URL parameter|form value)|in (parameter|variable|field|map entry|result) "?tokens?"?)$`)

func bareTokenSource(src credsrc.Source) bool {
	return bareTokenDesc.MatchString(src.Desc)
}

// cursorResults returns the indices of fn's results that its name or
// theirs says are cursors, or nil.
func cursorResults(fn *ssa.Function) map[int]bool {
	res := fn.Signature.Results()
	name := fn.Name()
	if fn.Origin() != nil {
		name = fn.Origin().Name()
	}
	all := fn.Parent() == nil && credname.TokenKindFunc(name)
	var out map[int]bool
	for i := range res.Len() {
		if all || credname.TokenKindFunc(res.At(i).Name()) {
			if out == nil {
				out = map[int]bool{}
			}
			out[i] = true
		}
	}
	return out
}
