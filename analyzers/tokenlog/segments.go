package tokenlog

import (
	"go/token"
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// Parts of a split credential that are not the credential (issue 15,
// class A). A credential cut with strings.Split is followed element by
// element where the element is taken at a constant index:
//
//   - the header and payload segments of a JWS compact token (index 0
//     and 1 of a split on "."), once base64-decoded, are the token's
//     header and claims: JSON that identifies the user but cannot be
//     replayed without the signature segment (index 2), which stays a
//     credential, as do the whole token and a join of its segments;
//   - element 0 of a split on " ", ":" or "=" is the scheme, the user,
//     the key id or the variable's name before the credential
//     (leadingField);
//   - in a function that checks one element of a split in constant
//     time (hmac.Equal, subtle.ConstantTimeCompare: a MAC or signature
//     compared with the expected one), the other elements are the
//     signed data (an expiry, an e-mail address), not the credential.

// leadingField reports whether x loads element 0 of a split on " ", ":"
// or "=": the auth-scheme of an Authorization value ("Bearer", "Basic";
// RFC 7235 puts a space after it), the user-id of Basic credentials or
// the key id of a "key-id:secret" pair (RFC 7617 puts a colon after
// it), the name of a NAME=VALUE secret given on a command line or in an
// environment (parts := strings.SplitN(secretPair, "=", 2)). The
// credential is what follows, which stays one.
func leadingField(x ssa.Value) bool {
	k, calls, ok := splitElem(x)
	if !ok || k != 0 {
		return false
	}
	for _, s := range calls {
		sep, ok := credsrc.ConstString(s.Call.Args[1])
		if !ok || (sep != " " && sep != ":" && sep != "=") {
			return false
		}
	}
	return true
}

// splitElem returns the index of a constant-index element of a
// strings.Split or SplitN result that x loads, the split calls it may
// come from, and ok.
func splitElem(x ssa.Value) (int, []*ssa.Call, bool) {
	ld, ok := x.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return 0, nil, false
	}
	ia, ok := ld.X.(*ssa.IndexAddr)
	if !ok {
		return 0, nil, false
	}
	k, ok := constIndex(ia.Index)
	if !ok {
		return 0, nil, false
	}
	calls := splitCalls(ia.X, 0)
	return k, calls, len(calls) > 0
}

// splitCalls returns the strings.Split or SplitN calls that v is, through
// phis (a variable assigned in branches); nil if any edge is something
// else than such a call or a nil constant.
func splitCalls(v ssa.Value, depth int) []*ssa.Call {
	if depth > 4 {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Call:
		fn := credsrc.Callee(&v.Call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "strings" || (fn.Name() != "Split" && fn.Name() != "SplitN") {
			return nil
		}
		return []*ssa.Call{v}
	case *ssa.Phi:
		var out []*ssa.Call
		for _, e := range v.Edges {
			if c, ok := e.(*ssa.Const); ok && c.IsNil() {
				continue
			}
			cs := splitCalls(e, depth+1)
			if cs == nil {
				return nil
			}
			out = append(out, cs...)
		}
		return out
	}
	return nil
}

// jwtClaims reports whether call c decodes the header or payload segment
// of a token split on "." (base64 DecodeString of element 0 or 1).
func jwtClaims(c *ssa.CallCommon) bool {
	fn := credsrc.Callee(c)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/base64" || fn.Name() != "DecodeString" || len(c.Args) != 2 {
		return false
	}
	k, calls, ok := splitElem(c.Args[1])
	if !ok || k > 1 {
		return false
	}
	for _, s := range calls {
		if sep, ok := credsrc.ConstString(s.Call.Args[1]); !ok || sep != "." {
			return false
		}
	}
	return true
}

// decodedClaims reports whether v is a result of a call jwtClaims
// accepts (the call itself or an element of its result tuple).
func decodedClaims(v ssa.Value) bool {
	if e, ok := v.(*ssa.Extract); ok {
		v = e.Tuple
	}
	c, ok := v.(*ssa.Call)
	return ok && jwtClaims(&c.Call)
}

// signedData reports whether x loads an element of a split whose other
// element at a constant index is compared in constant time in the same
// function: x is the data a MAC covers, not the MAC.
func signedData(x ssa.Value) bool {
	k, calls, ok := splitElem(x)
	if !ok {
		return false
	}
	for _, s := range calls {
		if !macChecked(s, k) {
			return false
		}
	}
	return true
}

// macChecked reports whether an element of split s other than element k,
// taken at a constant index, reaches hmac.Equal or
// subtle.ConstantTimeCompare, directly or decoded or converted.
func macChecked(s *ssa.Call, k int) bool {
	for _, ref := range refs(s) {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		j, ok := constIndex(ia.Index)
		if !ok || j == k {
			continue
		}
		for _, r := range refs(ia) {
			if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL && reachesConstCompare(ld, 0) {
				return true
			}
		}
	}
	return false
}

// reachesConstCompare follows v through decoding calls, extracts and
// conversions to a constant-time comparison.
func reachesConstCompare(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	for _, r := range refs(v) {
		switch r := r.(type) {
		case *ssa.Call:
			fn := credsrc.Callee(&r.Call)
			if fn == nil || fn.Pkg() == nil {
				continue
			}
			switch fn.Pkg().Path() + "." + fn.Name() {
			case "crypto/hmac.Equal", "crypto/subtle.ConstantTimeCompare":
				return true
			}
			switch fn.Pkg().Path() {
			case "encoding/base64", "encoding/hex", "encoding/base32":
				if _, ok := r.Type().(*types.Tuple); ok {
					for _, rr := range refs(r) {
						if e, ok := rr.(*ssa.Extract); ok && e.Index == 0 && reachesConstCompare(e, depth+1) {
							return true
						}
					}
				} else if reachesConstCompare(r, depth+1) {
					return true
				}
			}
		case *ssa.Convert:
			if reachesConstCompare(r, depth+1) {
				return true
			}
		case *ssa.ChangeType:
			if reachesConstCompare(r, depth+1) {
				return true
			}
		}
	}
	return false
}

// refs returns the referrers of v, or nil.
func refs(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}
