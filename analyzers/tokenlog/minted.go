package tokenlog

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// A secret minted here.
//
// A function that draws a value at random and hashes it (an API key, a
// session or reset token: the plaintext handed out once, its digest
// kept to check it later) has made a credential, whatever the variable
// holding it is called: keeping only the digest is what is done with a
// secret. promptgate's Create: raw := "pg_" + id + "." +
// hex.EncodeToString(b[6:]) with rand.Read(b), Hash: digest(raw),
// return k, raw; the handler that logs the second result under "key"
// logs the key. A random value that is not hashed (a request id, a
// nonce, a file name) says nothing, and neither does a hashed value that
// was not drawn here (a password from a form is judged by where it came
// from).

// mintedDesc describes a minted secret in messages.
const mintedDesc = "secret generated at random and kept only as its digest"

// minted returns the source of v when v is a string or byte slice that
// is drawn at random in fn and is itself handed to a hash, KDF or MAC
// there (directly, converted, or through a function of the package that
// digests that parameter).
func (f *fnState) minted(v ssa.Value) (credsrc.Source, bool) {
	if !credsrc.StringLike(v.Type()) || !f.digested(v, 0) {
		return credsrc.Source{}, false
	}
	if fresh, _ := f.st.fresh(f.fn, v, 0); !fresh {
		return credsrc.Source{}, false
	}
	return credsrc.Source{Kind: credname.Token, Desc: mintedDesc, Typed: true}, true
}

// mintedTaint is the taint of v as a minted secret, or none.
func (f *fnState) mintedTaint(v ssa.Value) taint {
	src, ok := f.minted(v)
	if !ok {
		return taint{}
	}
	return taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: v.Pos(), Message: src.Desc}}}}
}

// digested reports whether v, or a conversion of it, is an argument of
// a call that digests that argument.
func (f *fnState) digested(v ssa.Value, depth int) bool {
	refs := v.Referrers()
	if refs == nil || depth > 2 {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Convert:
			if f.digested(r, depth+1) {
				return true
			}
		case *ssa.ChangeType:
			if f.digested(r, depth+1) {
				return true
			}
		case *ssa.Call:
			for i, a := range r.Call.Args {
				if a == v && f.st.digestsArg(r.Call, i, 0) {
					return true
				}
			}
		}
	}
	return false
}

// digestsArg reports whether the call c digests its argument i: a
// function of a hash, KDF or MAC package, or a function of this package
// that hands the parameter to one.
func (st *pkgState) digestsArg(c ssa.CallCommon, i, depth int) bool {
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	if obj, ok := callee.Object().(*types.Func); ok && obj.Pkg() != nil && digestPkgs[obj.Pkg().Path()] {
		return true
	}
	if callee.Pkg == nil || callee.Pkg.Pkg != st.pass.Pkg || depth > 1 || i >= len(callee.Params) || callee.Signature.Recv() != nil || len(callee.Blocks) == 0 {
		return false
	}
	return digestsParam(st, callee.Params[i], depth)
}

// digestsParam reports whether p, converted or not, reaches a digest
// call's argument.
func digestsParam(st *pkgState, p ssa.Value, depth int) bool {
	refs := p.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Convert:
			if digestsParam(st, r, depth) {
				return true
			}
		case *ssa.Call:
			for j, a := range r.Call.Args {
				if a == p && st.digestsArg(r.Call, j, depth+1) {
					return true
				}
			}
		}
	}
	return false
}
