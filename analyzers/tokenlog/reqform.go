package tokenlog

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/textual"
	"github.com/authvet/authvet/analyzers/internal/webfw"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// Request forms of a program that takes credentials in a form.
//
// The request-URL rule (requrl.go) reports a logged request URL when the
// program reads a credential from the query. A request's parsed form,
// r.Form (query and body) or r.PostForm (body), logged whole is the same
// case for a form field: when the package reads a credential-named field
// from a request's form (r.FormValue("ssh_password"),
// r.PostFormValue("password"), gin's c.PostForm("token"), echo's
// c.FormValue("api_key"), r.PostForm.Get("password")), the form it logs
// holds that field whenever a client posts it. A form of a package that
// reads no such field, one value of the form by another name, and the
// form of a request the package built itself (outurl.go) are left alone.
// The reads are the package's own (no fact crosses packages).

// formReaders names the calls that read one field, named by their first
// argument, from a request's form: import path, receiver type and
// method names.
var formReaders = []struct {
	path, recv string
	names      []string
}{
	{"net/http", "Request", []string{"FormValue", "PostFormValue"}},
	{"github.com/gin-gonic/gin", "Context", []string{"PostForm", "DefaultPostForm", "GetPostForm", "PostFormArray", "GetPostFormArray"}},
	{"github.com/labstack/echo", "Context", []string{"FormValue"}}, // every major version (webfw.Canonical)
	{"github.com/gofiber/fiber/v2", "Ctx", []string{"FormValue"}},
}

// isFormCredField reports whether a form field name says it carries a
// credential (ssh_password, password, api_key, token).
func isFormCredField(name string) bool {
	switch strings.ToLower(name) {
	case "code", "state", "key", "sig", "signature", "auth":
		return false
	}
	return credname.IsCredentialParam(name) || credname.Classify(name) != credname.None
}

// formCreds lists the credential form fields the package reads, in the
// order first read.
func formCreds(pass *analysis.Pass, skip map[*token.File]bool) []string {
	seen := map[string]bool{}
	var names []string
	for _, file := range pass.Files {
		if skip[pass.Fset.File(file.Pos())] {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if name, ok := formCredRead(pass.TypesInfo, n); ok && !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
			return true
		})
	}
	return names
}

// formCredRead returns the credential field n reads from a request's
// form, if it is such a read.
func formCredRead(info *types.Info, n ast.Node) (string, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return "", false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return "", false
	}
	reads := false
	path, recv := webfw.Canonical(fn.Pkg().Path()), credsrc.RecvTypeName(fn)
	for _, r := range formReaders {
		if r.path == path && r.recv == recv {
			for _, m := range r.names {
				reads = reads || m == fn.Name()
			}
		}
	}
	if !reads && path == "net/url" && recv == "Values" && fn.Name() == "Get" {
		// r.PostForm.Get("password"), r.Form.Get("password").
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if fs, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && (fs.Sel.Name == "Form" || fs.Sel.Name == "PostForm") {
				if s, ok := info.Selections[fs]; ok && s.Kind() == types.FieldVal && isPkgType(s.Recv(), "net/http", "Request") {
					reads = true
				}
			}
		}
	}
	if !reads {
		return "", false
	}
	name, ok := textual.ConstString(info, call.Args[0])
	if !ok || !isFormCredField(name) {
		return "", false
	}
	return name, true
}

// Forms of other endpoints. As for a query parameter (queryroutes.go):
// a credential form field read by one endpoint handler arrives in the
// forms of that endpoint's route only. When every read of such a field
// sits in an endpoint handler, a form logged in another endpoint handler
// that is not reached from a reader (or in a helper only such handlers
// call) never holds the field: corteza's OAuth 2 authorize step logs its
// form of client_id, redirect_uri and scope, while only the
// change-password handler reads "oldPassword". Middleware and helpers
// called from anywhere else see every route's form.

// formLogSeen reports whether fn, logging a request's form, can see the
// form of a route whose handler reads a credential field.
func (st *pkgState) formLogSeen(fn *ssa.Function) bool {
	obj, ok := declaredFunc(fn)
	if !ok {
		return true
	}
	if st.formUnseen == nil {
		st.formUnseen = map[*types.Func]bool{}
		var files []*ast.File
		for _, file := range st.pass.Files {
			if !st.skip[st.pass.Fset.File(file.Pos())] {
				files = append(files, file)
			}
		}
		isRead := func(n ast.Node) bool {
			_, ok := formCredRead(st.pass.TypesInfo, n)
			return ok
		}
		if er := queryEndpoints(st.pass.TypesInfo, files, isRead); er != nil {
			st.formUnseen = unseenURLs(st.pass.TypesInfo, files, er.reach)
		}
	}
	return !st.formUnseen[obj]
}

// requestFormLoad recognises r.Form and r.PostForm of an incoming
// request in a package that reads a credential form field.
func (f *fnState) requestFormLoad(v ssa.Value) taint {
	if len(f.st.forms) == 0 {
		return taint{}
	}
	fld := requestField(v)
	if (fld != "Form" && fld != "PostForm") || !f.st.incoming(v) || !f.st.formLogSeen(f.fn) {
		return taint{}
	}
	if in, ok := v.(ssa.Instruction); ok && f.formFieldsEmptyAt(in) {
		return taint{}
	}
	name := f.st.forms[0]
	kind := credname.Classify(name)
	if kind == credname.None {
		kind = credname.Credential
	}
	src := credsrc.Source{Kind: kind, Desc: fmt.Sprintf("request form with the %q field (read in this package)", name), Typed: true}
	return taint{tr: &trace{src: src, steps: []analysis.RelatedInformation{{Pos: v.Pos(), Message: src.Desc}}}}
}

// Forms logged because a credential is missing. A handler that logs the
// form when the credential field it wants is empty
// (if refresh := r.FormValue("refresh_token"); refresh == "" {
// log.Printf("no refresh_token in %q", r.Form) }) prints a form without
// it. When every credential field the package reads from forms is tested
// empty, by a read of the same field, on every path to the load of the
// form (a dominating x == "" or "" == x, or the false edge of x != ""),
// the form is left alone.

// formFieldsEmptyAt reports whether every credential form field of the
// package is known empty at instr.
func (f *fnState) formFieldsEmptyAt(instr ssa.Instruction) bool {
	b := instr.Block()
	if b == nil || len(f.st.forms) == 0 {
		return false
	}
	empty := map[string]bool{}
	for d := b.Idom(); d != nil; d = d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || d.Succs[0] == d.Succs[1] {
			continue
		}
		cond, ok := iff.Cond.(*ssa.BinOp)
		if !ok || (cond.Op != token.EQL && cond.Op != token.NEQ) {
			continue
		}
		holds := d.Succs[0] // the edge on which x == ""
		if cond.Op == token.NEQ {
			holds = d.Succs[1]
		}
		if len(holds.Preds) != 1 || !holds.Dominates(b) {
			continue
		}
		x := cond.X
		if isEmptyConst(x) {
			x = cond.Y
		} else if !isEmptyConst(cond.Y) {
			continue
		}
		if name, ok := formFieldRead(x); ok {
			empty[strings.ToLower(name)] = true
		}
	}
	for _, name := range f.st.forms {
		if !empty[strings.ToLower(name)] {
			return false
		}
	}
	return true
}

// formFieldRead returns the field name of a call that reads one field of
// a request's form (formReaders) with a constant name.
func formFieldRead(v ssa.Value) (string, bool) {
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) == 0 {
		return "", false
	}
	fn := credsrc.Callee(&call.Call)
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	path, recv := webfw.Canonical(fn.Pkg().Path()), credsrc.RecvTypeName(fn)
	for _, r := range formReaders {
		if r.path != path || r.recv != recv {
			continue
		}
		for _, m := range r.names {
			if m == fn.Name() {
				args := call.Call.Args
				if !call.Call.IsInvoke() && fn.Type().(*types.Signature).Recv() != nil {
					args = args[1:]
				}
				if len(args) == 0 {
					return "", false
				}
				return credsrc.ConstString(args[0])
			}
		}
	}
	return "", false
}
