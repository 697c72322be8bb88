package tokenlog

import (
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// The user-id of a colon-joined credential. HTTP Basic credentials are
// `user-id ":" password` (RFC 7617 §2), and key-id:secret API keys follow
// the same form: code that decodes them splits on the first colon and
// logs the first field to say who failed to sign in. That field names
// the account; the fields after it are the secret. So element 0 of a
// strings.SplitN(s, ":", 2) or strings.Split(s, ":") result is not a
// credential, whatever s is; element 1 and the whole string still are.

// userIDField reports whether x loads element 0 of a split of a string
// on ":" (see above).
func userIDField(x ssa.Value) bool {
	k, calls, ok := splitElem(x)
	if !ok || k != 0 {
		return false
	}
	for _, s := range calls {
		if sep, ok := credsrc.ConstString(s.Call.Args[1]); !ok || sep != ":" {
			return false
		}
	}
	return true
}
