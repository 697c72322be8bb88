package tokenlog

import (
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// Token endpoint responses.
//
// A request whose parameters include grant_type is an OAuth 2.0 token
// request (RFC 6749 §4.1.3, §4.4.2, §6; the device and token-exchange
// grants too), and the body of its successful response is the token
// response: access_token, usually refresh_token, sometimes id_token.
// Its text, read from resty's Response with String() or Body(), is a
// credential whatever the variable holding it is called: an API
// client that debug-logs "refresh token response: %s" logs the new
// tokens. The request is recognised by its parameters, not by its URL
// or names: a grant_type key in a map or url.Values given to resty's
// SetBody, SetFormData, SetFormDataFromValues, SetQueryParams or
// SetQueryParam("grant_type", …), or a struct given to SetBody with a
// field tagged grant_type, on the request the response came from
// (chained setters, or setters called on the same request value). With
// net/http, the bytes io.ReadAll reads from the Body of the response of
// http.PostForm or Client.PostForm given url.Values with grant_type (in
// its literal, or by Set or Add), or of http.Post, Client.Post or
// Client.Do whose request body is strings.NewReader or
// bytes.NewBufferString of such values' Encode().
//
// Left alone: the body read, or written to a sink, where the response is
// known to have failed (under if resp.StatusCode() != 200, if
// resp.IsError(), the else of == 200 / IsSuccess(), or net/http's
// resp.StatusCode != http.StatusOK): an error
// response carries an error code and description, no token. Responses of requests without grant_type are
// not token responses, whatever their URL says.

// tokenResponseDesc describes a token response; leak knows the source
// by it, to leave alone a sink on the failing branch of a status test
// (the body read before the test, written only where it failed).
const tokenResponseDesc = "token response of an OAuth token request (grant_type)"

// tokenResponseCall makes the text of a token endpoint's response a
// credential.
func (f *fnState) tokenResponseCall(c *ssa.CallCommon, obj *types.Func, results []taint) {
	if f.netHTTPTokenRead(c, obj, results) {
		return
	}
	if len(results) != 1 || c.IsInvoke() || len(c.Args) != 1 || obj.Pkg() == nil || !isRestyPkg(obj.Pkg().Path()) || credsrc.RecvTypeName(obj) != "Response" {
		return
	}
	switch obj.Name() {
	case "String", "Body":
	default:
		return
	}
	if !restyTokenResponse(c.Args[0]) || failedResponseBranch(f.fn, c) {
		return
	}
	src := credsrc.Source{Kind: credname.Token, Desc: tokenResponseDesc, Typed: true}
	results[0] = results[0].union(taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: c.Pos(), Message: src.Desc + " read by Response." + obj.Name()}}}})
}

// restyTokenResponse reports whether resp, a *resty.Response, is the
// response to a request that sets grant_type.
func restyTokenResponse(resp ssa.Value) bool {
	ex, ok := resp.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok || call.Call.IsInvoke() || len(call.Call.Args) == 0 || restyType(call.Call.Args[0].Type()) != "Request" {
		return false
	}
	return restyGrantRequest(call.Call.Args[0], map[ssa.Value]bool{})
}

// restyGrantRequest reports whether the resty request req, or a request
// it was chained from, was given grant_type.
func restyGrantRequest(req ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[req] {
		return false
	}
	seen[req] = true
	// Setters called on this value (req := c.R(); req.SetBody(…)).
	if refs := req.Referrers(); refs != nil {
		for _, in := range *refs {
			if call, ok := in.(*ssa.Call); ok && !call.Call.IsInvoke() && len(call.Call.Args) > 0 && call.Call.Args[0] == req && restyGrantSetter(&call.Call) {
				return true
			}
		}
	}
	// The setter this value was returned by (c.R().SetBody(…)).
	if call, ok := req.(*ssa.Call); ok && !call.Call.IsInvoke() && len(call.Call.Args) > 0 && restyType(call.Call.Args[0].Type()) == "Request" {
		return restyGrantSetter(&call.Call) || restyGrantRequest(call.Call.Args[0], seen)
	}
	return false
}

// restyGrantSetter reports whether a resty Request method call gives the
// request a grant_type parameter.
func restyGrantSetter(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	if fn == nil || len(c.Args) < 2 {
		return false
	}
	switch fn.Name() {
	case "SetQueryParam", "SetFormDataFromValues", "SetBody", "SetFormData", "SetQueryParams", "SetQueryParamsFromValues":
	default:
		return false
	}
	if fn.Name() == "SetQueryParam" {
		k, ok := credsrc.ConstString(c.Args[1])
		return ok && k == "grant_type"
	}
	return hasGrantType(c.Args[1])
}

// hasGrantType reports whether v, a map, url.Values or struct (or a
// pointer to one, in an interface), holds a grant_type key or field.
func hasGrantType(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	switch x := v.(type) {
	case *ssa.MakeMap:
		if refs := x.Referrers(); refs != nil {
			for _, in := range *refs {
				if mu, ok := in.(*ssa.MapUpdate); ok && mu.Map == x {
					if k, ok := mu.Key.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String && constant.StringVal(k.Value) == "grant_type" {
						return true
					}
				}
			}
		}
	case *ssa.Alloc:
		if st, ok := x.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct); ok {
			return grantField(st)
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if a, ok := x.X.(*ssa.Alloc); ok {
				if st, ok := a.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct); ok {
					return grantField(st)
				}
			}
		}
	}
	return false
}

// grantField reports whether a struct has a field serialised as
// grant_type.
func grantField(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		for _, key := range []string{"json", "form", "url"} {
			name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get(key), ",")
			if name == "grant_type" {
				return true
			}
		}
	}
	return false
}

// failedResponseBranch reports whether the call c of fn is made only
// where a response is known to have failed: in a block dominated by
// the failing branch of a status test on a resty Response
// (StatusCode() compared with a constant 2xx, IsError(), IsSuccess())
// or a net/http Response (StatusCode compared with a constant 2xx).
func failedResponseBranch(fn *ssa.Function, c *ssa.CallCommon) bool {
	blk := blockOf(fn, c)
	if blk == nil {
		return false
	}
	for b := blk; b != nil; b = b.Idom() {
		d := b.Idom()
		if d == nil || len(d.Instrs) == 0 {
			break
		}
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || len(d.Succs) != 2 {
			continue
		}
		failing := statusFailBranch(iff.Cond)
		if failing < 0 {
			continue
		}
		if d.Succs[failing] == b && len(b.Preds) == 1 {
			return true
		}
	}
	return false
}

// blockOf returns the block of fn holding the call c (a call, go or
// defer), or nil.
func blockOf(fn *ssa.Function, c *ssa.CallCommon) *ssa.BasicBlock {
	if fn == nil {
		return nil
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if ci, ok := in.(ssa.CallInstruction); ok && ci.Common() == c {
				return b
			}
		}
	}
	return nil
}

// statusFailBranch returns the successor index (0 for true, 1 for
// false) of an If on cond that a failed response takes, or -1 when
// cond is no status test.
func statusFailBranch(cond ssa.Value) int {
	switch x := cond.(type) {
	case *ssa.Call:
		if fn := x.Call.StaticCallee(); fn != nil && fn.Pkg != nil && isRestyPkg(fn.Pkg.Pkg.Path()) {
			switch fn.Name() {
			case "IsError":
				return 0
			case "IsSuccess":
				return 1
			}
		}
	case *ssa.UnOp:
		if x.Op == token.NOT {
			if b := statusFailBranch(x.X); b >= 0 {
				return 1 - b
			}
		}
	case *ssa.BinOp:
		var k *ssa.Const
		var other ssa.Value
		if c, ok := x.Y.(*ssa.Const); ok {
			k, other = c, x.X
		} else if c, ok := x.X.(*ssa.Const); ok {
			k, other = c, x.Y
		}
		if k == nil || k.Value == nil || k.Value.Kind() != constant.Int || !isStatusCode(other) {
			return -1
		}
		n, _ := constant.Int64Val(k.Value)
		if n < 200 || n > 299 {
			return -1
		}
		switch x.Op {
		case token.NEQ:
			return 0
		case token.EQL:
			return 1
		}
	}
	return -1
}

// isStatusCode reports whether v is a resty Response's StatusCode() or
// a net/http Response's StatusCode field.
func isStatusCode(v ssa.Value) bool {
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		if fa, ok := ld.X.(*ssa.FieldAddr); ok && isHTTPResponsePtr(fa.X.Type()) {
			f := credsrc.FieldOf(fa.X.Type(), fa.Field)
			return f != nil && f.Name() == "StatusCode"
		}
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	fn := call.Call.StaticCallee()
	return fn != nil && fn.Pkg != nil && isRestyPkg(fn.Pkg.Pkg.Path()) && fn.Name() == "StatusCode"
}

// netHTTPTokenRead makes the bytes io.ReadAll (or ioutil.ReadAll) reads
// from the Body of a net/http response to a token request a credential:
// the response of http.PostForm or Client.PostForm given url.Values
// with grant_type, or of Client.Do, http.Post or Client.Post whose
// request body is strings.NewReader (or bytes.NewBufferString) of such
// values' Encode().
func (f *fnState) netHTTPTokenRead(c *ssa.CallCommon, obj *types.Func, results []taint) bool {
	if obj.Pkg() == nil || obj.Name() != "ReadAll" || credsrc.RecvTypeName(obj) != "" || len(c.Args) != 1 || len(results) == 0 {
		return false
	}
	if p := obj.Pkg().Path(); p != "io" && p != "io/ioutil" {
		return false
	}
	arg := c.Args[0]
	if ci, ok := arg.(*ssa.ChangeInterface); ok {
		arg = ci.X // io.ReadCloser handed as an io.Reader
	}
	ld, ok := arg.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok || !isHTTPResponsePtr(fa.X.Type()) || credsrc.FieldOf(fa.X.Type(), fa.Field) == nil || credsrc.FieldOf(fa.X.Type(), fa.Field).Name() != "Body" {
		return false
	}
	if !netHTTPTokenResponse(fa.X) || failedResponseBranch(f.fn, c) {
		return true
	}
	src := credsrc.Source{Kind: credname.Token, Desc: tokenResponseDesc, Typed: true}
	results[0] = results[0].union(taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: c.Pos(), Message: src.Desc + " read from the response body"}}}})
	return true
}

// isHTTPResponsePtr reports whether t is *net/http.Response.
func isHTTPResponsePtr(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Response"
}

// netHTTPTokenResponse reports whether resp, a *http.Response, answers a
// token request.
func netHTTPTokenResponse(resp ssa.Value) bool {
	ex, ok := resp.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok || call.Call.IsInvoke() {
		return false
	}
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "net/http" {
		return false
	}
	args := call.Call.Args
	if fn.Signature.Recv() != nil && len(args) > 0 {
		args = args[1:]
	}
	switch {
	case fn.Name() == "PostForm" && len(args) == 2:
		return grantValues(args[1])
	case fn.Name() == "Post" && len(args) == 3:
		return grantBody(args[2])
	case fn.Name() == "Do" && fn.Signature.Recv() != nil && len(args) == 1:
		req, ok := args[0].(*ssa.Extract)
		if !ok || req.Index != 0 {
			return false
		}
		nr, ok := req.Tuple.(*ssa.Call)
		if !ok {
			return false
		}
		nfn := nr.Call.StaticCallee()
		if nfn == nil || nfn.Pkg == nil || nfn.Pkg.Pkg.Path() != "net/http" || len(nr.Call.Args) == 0 {
			return false
		}
		switch nfn.Name() {
		case "NewRequest", "NewRequestWithContext":
			return grantBody(nr.Call.Args[len(nr.Call.Args)-1])
		}
	}
	return false
}

// grantBody reports whether a request body is the encoding of values
// with grant_type: strings.NewReader(v.Encode()),
// bytes.NewBufferString(v.Encode()).
func grantBody(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return false
	}
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Pkg == nil {
		return false
	}
	switch fn.Pkg.Pkg.Path() + "." + fn.Name() {
	case "strings.NewReader", "bytes.NewBufferString":
	default:
		return false
	}
	enc, ok := call.Call.Args[0].(*ssa.Call)
	if !ok || len(enc.Call.Args) != 1 {
		return false
	}
	efn := enc.Call.StaticCallee()
	if efn == nil || efn.Pkg == nil || efn.Pkg.Pkg.Path() != "net/url" || efn.Name() != "Encode" {
		return false
	}
	return grantValues(enc.Call.Args[0])
}

// grantValues reports whether v, a url.Values, holds grant_type: set in
// its literal, or by Set or Add on it.
func grantValues(v ssa.Value) bool {
	if hasGrantType(v) {
		return true
	}
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		v = ld.X // a Values variable whose address was taken
	}
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, in := range *refs {
		call, ok := in.(*ssa.Call)
		if !ok || len(call.Call.Args) < 2 || call.Call.Args[0] != v {
			continue
		}
		fn := call.Call.StaticCallee()
		if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "net/url" || (fn.Name() != "Set" && fn.Name() != "Add") {
			continue
		}
		if k, ok := credsrc.ConstString(call.Call.Args[1]); ok && k == "grant_type" {
			return true
		}
	}
	return false
}
