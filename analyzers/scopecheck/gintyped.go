package scopecheck

import (
	"go/types"
)

// gin's typed context getters.
//
// gin stores what a middleware sets with c.Set("userID", id) in one map
// and reads it back with c.Get, c.MustGet, or a typed getter
// (c.GetString, c.GetInt64, c.GetUint, …) that converts the value. A
// typed getter is the same read of the request context, so it names the
// caller when its key does. Because the getters return a scalar, only a
// key naming the caller's identity itself counts (userID, sub,
// accountID, username: identityName without the generic "id"), not one
// that merely mentions a user or a session (userIsAdmin, sessionTTL).

// ginTypedGetter reports whether fn is one of gin's typed getters of
// *gin.Context.
func ginTypedGetter(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !isPtrTo(sig.Recv().Type(), pkgGin, "Context") {
		return false
	}
	switch fn.Name() {
	case "GetString", "GetInt", "GetInt8", "GetInt16", "GetInt32", "GetInt64",
		"GetUint", "GetUint8", "GetUint16", "GetUint32", "GetUint64":
		return true
	}
	return false
}

// typedIdentityKey reports whether key, read with a typed getter, is
// the caller's identity.
func typedIdentityKey(key string) bool {
	ok, generic := identityName(key)
	return ok && !generic
}
