package tokenlog

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"github.com/authvet/authvet/analyzers/internal/textual"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// A field the package sends as a credential holds one wherever else it
// goes, whatever it is called. A payment relay that does
//
//	req.Header.Set("X-API-Key", rl.PSPKey)
//	…
//	return fmt.Errorf("psp refused key %q", rl.PSPKey)
//
// puts its API key in an error: PSPKey is no credential name, but the
// package's own use of it says what it holds.
//
// Rule: a string-like struct field whose value the package hands over
// as a credential, in a file analysed, is a credential field in the
// whole package. Handing over is: the value of a credential header
// (credname.IsCredentialHeader, Set-Cookie aside) set through a method
// taking the header's name and value (http.Header's Set and Add,
// resty's SetHeader, sling's Set, …), alone or after a scheme
// ("Bearer "+f, fmt.Sprintf("Bearer %s", f)); or an argument for a
// parameter named as a credential (SetBasicAuth's password,
// url.UserPassword's password, a client's token parameter; the name
// judged as credname.Classify does, hashed values and pagination
// cursors and an ACME challenge's token excluded). Fields the package
// shows are durations, paths, URLs or numbers (credsrc.Holders), and
// fields the shared layer knows to hold no credential
// (credsrc.KnownPlainField: ACME's public values, pagination cursors,
// consistency tokens, library structs' other fields), are never such
// fields.
//
// The field's other loads are then sources, each with the place that
// handed it over as its reason. passedcred.go does the same for a
// value that is not a field, on one path of one function.

// sentFields finds the fields the package hands over as credentials.
func sentFields(pass *analysis.Pass, skip map[*token.File]bool, plain map[types.Object]string) map[*types.Var]credsrc.Source {
	info := pass.TypesInfo
	out := map[*types.Var]credsrc.Source{}
	mark := func(e ast.Expr, how string, k credname.Kind, at token.Pos) {
		f := sentField(info, e)
		if f == nil {
			return
		}
		if _, ok := plain[f]; ok || credsrc.KnownPlainField(f) || identifierField(f.Name()) {
			return
		}
		if _, ok := out[f]; ok {
			return
		}
		if k == credname.None || k == "" {
			k = credname.Credential
		}
		pos := pass.Fset.Position(at)
		out[f] = credsrc.Source{Kind: k, Desc: fmt.Sprintf("%s in field %s (sent as %s at %s:%d)", k, f.Name(), how, filepath.Base(pos.Filename), pos.Line)}
	}
	// Arguments for credential-named parameters are marked after the
	// headers: whether a parameter of the package's own only records
	// its value (inertparam.go) depends on the fields handed over.
	type argMark struct {
		arg ast.Expr
		how string
		k   credname.Kind
		at  token.Pos
		fn  *types.Func
		j   int
	}
	var args []argMark
	for _, file := range pass.Files {
		if skip[pass.Fset.File(file.Pos())] {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := typeutil.Callee(info, call).(*types.Func)
			if !ok {
				return true
			}
			sig := fn.Type().(*types.Signature)
			if h, ok := headerSet(info, fn, sig, call); ok {
				mark(call.Args[1], "the "+h+" header", credsrc.HeaderKind(h), call.Pos())
				return true
			}
			if j, what, ok := secretURLParam(fn); ok && j < len(call.Args) {
				mark(call.Args[j], what, credname.Credential, call.Pos())
				return true
			}
			params := sig.Params()
			for j, a := range call.Args {
				if j >= params.Len() || sig.Variadic() && j >= params.Len()-1 {
					break
				}
				p := params.At(j)
				k, ok := credentialParam(fn.Name(), p)
				if _, isPlain := plain[p]; !ok || isPlain || acmePublic(fn, j) || publicHalf(params, j) {
					continue
				}
				args = append(args, argMark{arg: a, how: fmt.Sprintf("parameter %s of %s", p.Name(), fn.Name()), k: k, at: call.Pos(), fn: fn, j: j})
			}
			return true
		})
	}
	handed := make(map[*types.Var]bool, len(out))
	for f := range out {
		handed[f] = true
	}
	ip := newInertParams(pass, handed)
	for _, m := range args {
		if ip.inert(m.fn, m.j) {
			continue
		}
		mark(m.arg, m.how, m.k, m.at)
	}
	return out
}

// secretURLs are library functions whose URL parameter is itself the
// credential: a Slack incoming webhook's URL carries the token that lets
// anyone post to the channel (slack-go's PostWebhook family).
var secretURLs = []struct {
	path  string
	names []string
	param int
	what  string
}{
	{"github.com/slack-go/slack", []string{"PostWebhook", "PostWebhookCustomHTTP"}, 0, "the URL of slack.%s, an incoming webhook's token"},
	{"github.com/slack-go/slack", []string{"PostWebhookContext", "PostWebhookCustomHTTPContext"}, 1, "the URL of slack.%s, an incoming webhook's token"},
	{"github.com/nlopes/slack", []string{"PostWebhook", "PostWebhookCustomHTTP"}, 0, "the URL of slack.%s, an incoming webhook's token"},
	{"github.com/nlopes/slack", []string{"PostWebhookContext", "PostWebhookCustomHTTPContext"}, 1, "the URL of slack.%s, an incoming webhook's token"},
}

// secretURLParam returns the index of fn's URL parameter when the URL is
// the credential, and how it is handed over.
func secretURLParam(fn *types.Func) (int, string, bool) {
	if fn.Pkg() == nil {
		return 0, "", false
	}
	for _, e := range secretURLs {
		if jwtlib.Unvendor(fn.Pkg().Path()) != e.path {
			continue
		}
		for _, n := range e.names {
			if n == fn.Name() {
				return e.param, fmt.Sprintf(e.what, n), true
			}
		}
	}
	return 0, "", false
}

// headerSet reports whether call sets a credential header (its name is
// returned): a method named Set, Add, SetHeader, AddHeader or Header
// whose two parameters are strings, the first a constant naming a
// credential header.
func headerSet(info *types.Info, fn *types.Func, sig *types.Signature, call *ast.CallExpr) (string, bool) {
	if sig.Recv() == nil || len(call.Args) != 2 || sig.Params().Len() != 2 || sig.Variadic() {
		return "", false
	}
	switch fn.Name() {
	case "Set", "Add", "SetHeader", "AddHeader", "Header":
	default:
		return "", false
	}
	if !textual.Type(sig.Params().At(0).Type()) || !textual.Type(sig.Params().At(1).Type()) {
		return "", false
	}
	h, ok := textual.ConstString(info, call.Args[0])
	if !ok || !credname.IsCredentialHeader(h) || strings.EqualFold(h, "set-cookie") {
		return "", false
	}
	return h, true
}

// sentField returns the struct field e reads, once a scheme prefix
// ("Bearer " + f), a format (fmt.Sprintf("Bearer %s", f)) or a
// conversion ([]byte(f), string(f)) is taken off; nil otherwise.
func sentField(info *types.Info, e ast.Expr) *types.Var {
	for {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.BinaryExpr:
			if x.Op != token.ADD {
				return nil
			}
			if _, ok := textual.ConstString(info, x.X); !ok {
				return nil
			}
			e = x.Y
			continue
		case *ast.CallExpr:
			if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0]
				continue
			}
			fn, ok := typeutil.Callee(info, x).(*types.Func)
			if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || fn.Name() != "Sprintf" || len(x.Args) != 2 {
				return nil
			}
			if _, ok := textual.ConstString(info, x.Args[0]); !ok {
				return nil
			}
			e = x.Args[1]
			continue
		case *ast.SelectorExpr:
			sel, ok := info.Selections[x]
			if !ok || sel.Kind() != types.FieldVal {
				return nil
			}
			f, ok := sel.Obj().(*types.Var)
			if !ok || !credsrc.StringLike(f.Type()) {
				return nil
			}
			return f
		}
		return nil
	}
}

// sentSource is the source of a load of a field the package hands over
// as a credential (sentFields).
func (f *fnState) sentSource(v ssa.Value) (credsrc.Source, bool) {
	if len(f.st.sent) == 0 {
		return credsrc.Source{}, false
	}
	var fld *types.Var
	switch v := v.(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			fld = credsrc.FieldOf(fa.X.Type(), fa.Field)
		}
	case *ssa.Field:
		fld = credsrc.FieldOf(v.X.Type(), v.Field)
	}
	if fld == nil {
		return credsrc.Source{}, false
	}
	src, ok := f.st.sent[fld]
	return src, ok
}

// identifierField reports a field whose name says it identifies a
// record (Id, TokenID, uuid) or an account (Email, Username, LoginName):
// handed to a parameter named token it is the key a helper looks the
// token up by (koko's CreateAddrCacheKey(addr, token) given
// connectToken.Id), not the token, and an account's e-mail address
// handed once as a password (corteza's development super user, whose
// password is its address) is still the address wherever else it goes.
// passedcred.go still reports the value itself on the path where it is
// handed over.
func identifierField(name string) bool {
	w := credname.Words(name)
	if len(w) == 0 {
		return false
	}
	last := w[len(w)-1]
	switch last {
	case "id", "ids", "uuid", "guid", "email", "username", "login", "phone":
		return true
	case "name", "address":
		if len(w) > 1 {
			switch w[len(w)-2] {
			case "user", "login", "account", "email":
				return true
			}
		}
	}
	return false
}

// sentCarrier is credsrc.CarrierHiding for the fields the package sends
// as credentials: a struct printed whole (log.Printf("%+v", cfg)) whose
// ServerKey the package puts in an Authorization header prints the key,
// whatever the field is called. Only the struct's own fields count, and
// only where no method of the type (hides) or of the field's type hides
// them.
func (st *pkgState) sentCarrier(t types.Type, hides func(types.Type) bool) (credsrc.Carrier, bool) {
	if len(st.sent) == 0 || t == nil || hides(t) {
		return credsrc.Carrier{}, false
	}
	top := t
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
		if hides(t) {
			return credsrc.Carrier{}, false
		}
	}
	t, ok := credsrc.StructElem(t, hides)
	if !ok {
		return credsrc.Carrier{}, false
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok {
		return credsrc.Carrier{}, false
	}
	for i := 0; i < s.NumFields(); i++ {
		f := s.Field(i)
		src, sent := st.sent[f]
		if !sent || st.fieldHides(f) {
			continue
		}
		if _, plain := st.plain[f]; plain {
			continue
		}
		return credsrc.Carrier{Type: credsrc.TypeString(top), Field: f.Name(), Source: src}, true
	}
	return credsrc.Carrier{}, false
}
