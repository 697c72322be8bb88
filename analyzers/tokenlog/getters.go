package tokenlog

import (
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Field getters.
//
// Protocol buffers, gogo-protobuf and Thrift generate an accessor for
// every field of a message: GetAccessToken for access_token, returning
// the field or its zero value when the message is nil. The message
// types usually live in a generated package of their own (often in
// another module), whose bodies this pass cannot see and which
// imports nothing that makes it worth analyzing, so no fact describes
// them. The rule is the protobuf naming convention checked against the
// type: a method Get<F> with no parameters and one string-like result
// whose receiver is (a pointer to) a struct with a field F returns F,
// and is a credential when reading F directly would be
// (credsrc.FromField): GetPassword and GetApiKey are, GetTokenType,
// GetExpiresIn and GetClientId are not.
//
// Where the getter's body is known it decides instead: a getter of the
// analyzed package is followed by its own summary, and a getter of
// another analyzed package by its fact; such a package exports an empty
// fact for a getter that returns no credential (a redacting
// GetPassword), so that the convention is not applied to it.

// getterField returns the field that method fn gets by the Get<Field>
// convention, or nil.
func getterField(fn *types.Func) *types.Var {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return nil
	}
	name := strings.TrimPrefix(fn.Name(), "Get")
	if name == fn.Name() || name == "" {
		return nil
	}
	if !credsrc.StringLike(sig.Results().At(0).Type()) {
		return nil
	}
	recv := sig.Recv().Type()
	if p, ok := recv.Underlying().(*types.Pointer); ok {
		recv = p.Elem()
	}
	if _, ok := recv.Underlying().(*types.Struct); !ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(recv, true, fn.Pkg(), name)
	f, ok := obj.(*types.Var)
	if !ok || !f.IsField() || !types.Identical(f.Type(), sig.Results().At(0).Type()) {
		return nil
	}
	return f
}

// getterSource recognises the call of a credential field's getter whose
// body is not known here (see the comment above): callee is the static
// callee, nil for a call through an interface, which says nothing about
// the value behind it.
func (st *pkgState) getterSource(obj *types.Func, callee *ssa.Function) (credsrc.Source, bool) {
	if obj == nil || callee == nil || callee.Blocks != nil || obj.Pkg() == st.pass.Pkg {
		return credsrc.Source{}, false
	}
	f := getterField(obj)
	if f == nil {
		return credsrc.Source{}, false
	}
	if st.pass.ImportObjectFact(obj, new(summary)) {
		// The getter's package was analyzed: its fact decides.
		return credsrc.Source{}, false
	}
	src, ok := credsrc.FromField(f)
	if !ok {
		return credsrc.Source{}, false
	}
	src.Desc += " returned by " + credsrc.QualifiedName(obj)
	return src, true
}

// exportGetterFacts exports an empty fact for each exported getter of a
// credential field (by the convention above) whose body returns no
// credential, so that other packages do not apply the convention to it.
// Getters whose summary is not empty have their fact exported with the
// others.
func (st *pkgState) exportGetterFacts(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || !obj.Exported() || fn.Blocks == nil {
			continue
		}
		f := getterField(obj)
		if f == nil {
			continue
		}
		if _, ok := credsrc.FromField(f); !ok {
			continue
		}
		s := st.sums[fn]
		if s == nil {
			// A generated file's getter, not analyzed for leaks.
			s = st.summarizeQuiet(fn)
		}
		if s.empty() {
			st.pass.ExportObjectFact(obj, &summary{})
		}
	}
}

// getterCall applies the getter convention at a call of a library or
// unanalyzed getter: its result is the field's credential.
func (f *fnState) getterCall(c *ssa.CallCommon, obj *types.Func, results []taint) {
	if len(results) != 1 || results[0].tr != nil {
		return
	}
	if src, ok := f.st.getterSource(obj, c.StaticCallee()); ok {
		results[0] = taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: c.Pos(), Message: src.Desc}}}}
	}
}

// Getters through an interface.
//
// A call through an interface has no body to follow: the value behind
// it is decided at run time, and the implementations may live in
// packages this pass never sees (authboss's storer interfaces, a
// repository's Key with Secret()). Its name is the hint, as for a field
// or a parameter: a method with no parameters and one string-like
// result whose name, less a Get prefix, says credential (GetPassword,
// GetRecoverToken, Secret, APIKey) returns one; GetRecoverTokenExpiry,
// GetEmail, ID and Name do not. Calls of concrete methods keep the rules
// above (their bodies or the field convention).

// ifaceGetterCall applies the rule at a call through an interface.
func (f *fnState) ifaceGetterCall(c *ssa.CallCommon, obj *types.Func, results []taint) {
	if !c.IsInvoke() || obj == nil || len(results) != 1 || results[0].tr != nil {
		return
	}
	sig, ok := obj.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return
	}
	name := obj.Name()
	if trimmed := strings.TrimPrefix(name, "Get"); trimmed != "" {
		name = trimmed
	}
	src, ok := credsrc.FromName("method", name, sig.Results().At(0).Type())
	if !ok {
		return
	}
	src.Desc = string(src.Kind) + " returned by " + credsrc.QualifiedName(obj)
	results[0] = taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: c.Pos(), Message: src.Desc}}}}
}
