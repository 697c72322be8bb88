package credsrc

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A message a MAC is computed over.
//
// A value the function signs with an HMAC (h := hmac.New(sha256.New,
// key); h.Write(tokenBytes)) is the message of a signed exchange: it is
// sent beside its MAC so that the receiver can check where it came
// from, and the secret is the MAC's key (commento's SSO redirect: a
// one-time token and its hmac in the query of the URL the browser is
// sent to). Whatever the value is called, it is not itself the
// credential.

// MACMessage reports whether v, as it is or converted, decoded from hex
// or base64, is written to an HMAC made in the same function, or handed
// to hmac.New's hash as its message.
func MACMessage(v ssa.Value) bool {
	return macMessage(v, 0)
}

func macMessage(v ssa.Value, depth int) bool {
	refs := v.Referrers()
	if refs == nil || depth > 3 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Convert, *ssa.ChangeType, *ssa.MakeInterface:
			if macMessage(r.(ssa.Value), depth+1) {
				return true
			}
		case *ssa.Extract:
			if r.Index == 0 && macMessage(r, depth+1) {
				return true
			}
		case *ssa.Call:
			c := r.Common()
			if c.IsInvoke() || c.Signature().Recv() != nil {
				if macWrite(c) && argIs(c, v) {
					return true
				}
			}
			if decodes(c) && argIs(c, v) && macMessage(r, depth+1) {
				return true
			}
		}
	}
	return false
}

// argIs reports whether v is one of c's arguments (a method's receiver
// excluded).
func argIs(c *ssa.CallCommon, v ssa.Value) bool {
	args := c.Args
	if !c.IsInvoke() && c.Signature().Recv() != nil && len(args) > 0 {
		args = args[1:]
	}
	for _, a := range args {
		if a == v {
			return true
		}
	}
	return false
}

// macWrite reports whether c writes to a hash made by hmac.New: the
// Write or WriteString method of its result.
func macWrite(c *ssa.CallCommon) bool {
	var recv ssa.Value
	var name string
	switch {
	case c.IsInvoke():
		recv, name = c.Value, c.Method.Name()
	default:
		fn := c.StaticCallee()
		if fn == nil || len(c.Args) == 0 {
			return false
		}
		recv, name = c.Args[0], fn.Name()
	}
	if name != "Write" && name != "WriteString" {
		return false
	}
	call, ok := recv.(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Common().StaticCallee()
	if callee == nil {
		return false
	}
	fn, ok := callee.Object().(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "crypto/hmac" && fn.Name() == "New"
}

// decodes reports whether c decodes hex or base64 text.
func decodes(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	if fn == nil {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return false
	}
	switch obj.Pkg().Path() {
	case "encoding/hex", "encoding/base64", "encoding/base32":
		return obj.Name() == "DecodeString"
	}
	return false
}
