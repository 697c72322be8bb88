package credsrc

import (
	"go/types"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// Access key pairs.
//
// S3 and the storage and cloud APIs built like it sign requests with an
// access key and secret key pair: the access key is the key id, sent
// in every request's Authorization header and logged by the servers
// themselves (CloudTrail logs it); the secret key is the credential.
// credname cannot tell an access key id from an access key that is the
// secret (an Azure storage access key) by the name alone. The package
// can: a struct type with both an access key field and a secret key
// field (Credential{AccessKey, SecretKey}) in the package or one it
// uses says the package speaks of pairs, and then its access keys,
// fields, parameters and variables alike, are key ids.

// PairsAccessKeys reports whether a struct type the package declares or
// uses (info) has an access key field beside a secret key field.
func PairsAccessKeys(info *types.Info) bool {
	seen := map[*types.Struct]bool{}
	for _, tv := range info.Types {
		if pairStruct(tv.Type, seen) {
			return true
		}
	}
	for _, obj := range info.Defs {
		if tn, ok := obj.(*types.TypeName); ok && pairStruct(tn.Type(), seen) {
			return true
		}
	}
	return false
}

func pairStruct(t types.Type, seen map[*types.Struct]bool) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || seen[s] {
		return false
	}
	seen[s] = true
	access, secret := false, false
	for i := 0; i < s.NumFields(); i++ {
		name := s.Field(i).Name()
		access = access || credname.AccessKeyName(name)
		secret = secret || credname.SecretKeyName(name)
	}
	return access && secret
}

// accessKeyIDWhy is the reason Holders gives for an access key id.
const accessKeyIDWhy = "an access key id, the public half of an access key and secret key pair"

// AccessKeyID reports whether obj, a field, parameter or variable of a
// package that pairs access keys (PairsAccessKeys), is an access key id.
func AccessKeyID(obj types.Object, pairs bool) bool {
	v, ok := obj.(*types.Var)
	return ok && pairs && credname.AccessKeyName(v.Name()) && StringLike(v.Type())
}
