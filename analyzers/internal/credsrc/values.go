package credsrc

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// This file judges credential-shaped names by the values they hold
// (issue 15, class 1): a variable or field named like a credential is
// no credential when the program shows its value is something else.
// A name is a hint; the value and its use decide.
//
// A variable, field or parameter holds no credential when, anywhere in
// the package,
//
//   - it is parsed as a duration or a number (time.ParseDuration,
//     strconv.Atoi and kin, or a function of the package that hands
//     its string parameter to one of them and returns a number,
//     duration or boolean: func parseDays(s string) (time.Duration,
//     error)): an expiry, TTL or rotation period such as
//     Expiry.SigningKeys = "6h", however an error echoes it when the
//     parse rejects it;
//   - it is opened or read as a file path (os.Open, os.ReadFile,
//     tls.LoadX509KeyPair and kin, the certFile and keyFile of
//     net/http's ServeTLS and ListenAndServeTLS): tokenFile, keyPath;
//   - it is assigned a constant that is a duration, a number, a URN
//     (urn:oasis:…:bearer), a URL without userinfo, an absolute file
//     path or the name of a token type (AzureToken = "access_token",
//     which selects the token to use).
//
// Such uses show what the value is whatever its name says.

// nonSecretParsers take a value that is a duration, a number or a
// boolean; their first argument is never a credential.
var nonSecretParsers = map[string]bool{
	"time.ParseDuration": true, "strconv.Atoi": true, "strconv.ParseInt": true,
	"strconv.ParseUint": true, "strconv.ParseFloat": true, "strconv.ParseBool": true,
}

// pathTakers take file paths as their string arguments. A list names
// the parameters that do, where the others are no paths: net/http's
// TLS servers (the function and the *http.Server method alike) read
// the certificate and key from the files named by certFile and keyFile
// (ServeTLS(l, certFile, keyFile), ListenAndServeTLS(addr, certFile,
// keyFile, h)), while addr is a listen address.
var pathTakers = map[string][]string{
	"os.Open": nil, "os.OpenFile": nil, "os.ReadFile": nil, "os.Stat": nil, "os.Lstat": nil,
	"os.Create": nil, "os.WriteFile": nil, "os.Remove": nil, "io/ioutil.ReadFile": nil,
	"io/ioutil.WriteFile": nil, "crypto/tls.LoadX509KeyPair": nil, "path/filepath.Abs": nil,
	"path/filepath.Dir": nil, "path/filepath.Base": nil,
	"net/http.ServeTLS": {"certFile", "keyFile"}, "net/http.ListenAndServeTLS": {"certFile", "keyFile"},
}

// IsPathTaker reports whether fn takes file paths as some of its string
// arguments (os.Open, os.ReadFile, tls.LoadX509KeyPair and kin).
func IsPathTaker(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	_, ok := pathTakers[fn.Pkg().Path()+"."+fn.Name()]
	return ok
}

// PathArg reports whether argument i of a call of fn (the receiver not
// counted) is a file path: fn is a path taker and, where it names its
// path parameters, parameter i is one of them.
func PathArg(fn *types.Func, i int) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	names, ok := pathTakers[fn.Pkg().Path()+"."+fn.Name()]
	if !ok {
		return false
	}
	if names == nil {
		return true
	}
	params := fn.Type().(*types.Signature).Params()
	if i < 0 || i >= params.Len() {
		return false
	}
	for _, n := range names {
		if params.At(i).Name() == n {
			return true
		}
	}
	return false
}

// Holders returns the variables, fields and parameters of a package
// whose values the package shows are no credential, with the reason.
// pathParams, if not nil, gives the string parameters of a function
// that take a file path (PathParams, and facts for other packages): a
// value handed to one is a path, like one handed to os.ReadFile.
// accessPairs is PairsAccessKeys(info), which the caller keeps too: the
// package's access keys are then key ids.
func Holders(info *types.Info, files []*ast.File, pathParams func(*types.Func) []int, accessPairs bool) map[types.Object]string {
	out := map[types.Object]string{}
	obj := func(e ast.Expr) types.Object {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			if o, ok := info.ObjectOf(e).(*types.Var); ok {
				return o
			}
		case *ast.SelectorExpr:
			if s := info.Selections[e]; s != nil && s.Kind() == types.FieldVal {
				return s.Obj()
			}
			if o, ok := info.ObjectOf(e.Sel).(*types.Var); ok {
				return o
			}
		case *ast.StarExpr:
			return nil
		}
		return nil
	}
	mark := func(e ast.Expr, why string) {
		if o := obj(e); o != nil {
			if _, seen := out[o]; !seen {
				out[o] = why
			}
		}
	}
	assigned := func(lhs, rhs ast.Expr) {
		if tv, ok := info.Types[rhs]; ok && tv.Value != nil {
			if why := nonSecretConst(tv.Value); why != "" {
				mark(lhs, why)
			}
		}
	}
	parsers := numberParsers(info, files)
	ranged := rangedValues(info, files)
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fn, _ := typeutil.Callee(info, n).(*types.Func)
				if fn == nil || fn.Pkg() == nil || len(n.Args) == 0 {
					return true
				}
				key := fn.Pkg().Path() + "." + fn.Name()
				if i, ok := parsers[fn]; ok && i < len(n.Args) {
					mark(n.Args[i], "parsed as a duration or number")
					return true
				}
				switch {
				case nonSecretParsers[key]:
					mark(n.Args[0], "parsed as a duration or number")
				case IsPathTaker(fn):
					for i, a := range n.Args {
						if t := info.TypeOf(a); t != nil && isStringType(t) && PathArg(fn, i) {
							mark(a, "a file path")
						}
					}
				case pathParams != nil:
					for _, i := range pathParams(fn.Origin()) {
						if i < len(n.Args) {
							mark(n.Args[i], "a file path")
						}
					}
				}
				// k8s.Secret(namespace, name string) given secretRef:
				// the value names the secret it looks up (after the
				// path parameters: ReadFile(root, name) takes a path).
				for i, a := range n.Args {
					if p := paramAt(fn, i, n.Ellipsis.IsValid()); p != nil && nameParam(p.Name()) && isStringType(info.TypeOf(a)) {
						mark(a, passedAsName)
						if id, ok := ast.Unparen(a).(*ast.Ident); ok {
							if coll := ranged[info.ObjectOf(id)]; coll != nil {
								mark(coll, passedAsName) // for _, ref := range image.Secrets
							}
						}
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
					for i := range n.Lhs {
						assigned(n.Lhs[i], n.Rhs[i])
						// note["name"] = secret.Secret
						if ix, ok := ast.Unparen(n.Lhs[i]).(*ast.IndexExpr); ok && nameKey(info, ix.Index, false) {
							mark(n.Rhs[i], storedAsName)
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i := range n.Names {
						assigned(n.Names[i], n.Values[i])
					}
				}
			case *ast.KeyValueExpr:
				// map[string]string{"name": s.Secret}, Row{Name: s.Secret}
				if nameKey(info, n.Key, true) {
					mark(n.Value, storedAsName)
				}
				if id, ok := n.Key.(*ast.Ident); ok {
					if o, ok := info.ObjectOf(id).(*types.Var); ok && o.IsField() {
						if tv, ok := info.Types[n.Value]; ok && tv.Value != nil {
							if why := nonSecretConst(tv.Value); why != "" {
								if _, seen := out[o]; !seen {
									out[o] = why
								}
							}
						}
					}
				}
			}
			return true
		})
	}
	if accessPairs {
		// Access key ids (accesskey.go).
		for _, m := range []map[*ast.Ident]types.Object{info.Defs, info.Uses} {
			for _, o := range m {
				if _, seen := out[o]; !seen && AccessKeyID(o, true) {
					out[o] = accessKeyIDWhy
				}
			}
		}
	}
	for _, o := range Embedded(info, files) {
		if _, seen := out[o]; !seen {
			out[o] = EmbeddedWhy
		}
	}
	return out
}

// EmbeddedWhy is why a variable filled by //go:embed holds no
// credential of the program's.
const EmbeddedWhy = "a file embedded at build time (//go:embed): a template or an asset shipped in the binary, not a credential the program is given"

// Embedded returns the package variables a //go:embed directive fills
// (var credentialTemplate string, with the directive in its doc
// comment): the contents of a file of the module, the same in every
// copy of the program. A template named for credentials (weed
// scaffold's credential.toml) printed by a scaffolding command prints
// the template; a real secret in such a file is the secret scanner's
// to find, in the file.
func Embedded(info *types.Info, files []*ast.File) []types.Object {
	var out []types.Object
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, sp := range gd.Specs {
				vs, ok := sp.(*ast.ValueSpec)
				if !ok || len(vs.Values) > 0 {
					continue
				}
				doc := vs.Doc
				if doc == nil && len(gd.Specs) == 1 {
					doc = gd.Doc
				}
				if !embedDirective(doc) {
					continue
				}
				for _, n := range vs.Names {
					if o := info.Defs[n]; o != nil {
						out = append(out, o)
					}
				}
			}
		}
	}
	return out
}

// embedDirective reports whether a doc comment holds a //go:embed
// directive.
func embedDirective(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if strings.HasPrefix(c.Text, "//go:embed ") {
			return true
		}
	}
	return false
}

// storedAsName is the reason Holders gives for a value the package
// stores under a name key.
const storedAsName = "a name (stored under a name key)"

// passedAsName is the reason Holders gives for a value the package hands
// to a parameter called name (Secret(namespace, name string)), and for
// the collection it was ranged from.
const passedAsName = "a name (passed as a name parameter)"

// nameParam reports whether a parameter's name says it takes the name
// of a stored secret or object: "name" alone, or a stored thing's name
// (secretName, keyName), and no credential name itself.
func nameParam(name string) bool {
	w := credname.Words(name)
	if len(w) == 0 || w[len(w)-1] != "name" || credname.Classify(name) != credname.None {
		return false
	}
	// name, secretName, keyName, objectName; not dataSourceName (a
	// DSN) or serverName.
	return len(w) == 1 || len(w) == 2 && namedThings[w[0]]
}

// namedThings are the words before "name" in a parameter that takes the
// name of a stored secret or object.
var namedThings = map[string]bool{
	"secret": true, "key": true, "token": true, "credential": true, "cred": true,
	"object": true, "resource": true, "item": true, "entry": true, "ref": true,
}

// paramAt returns the parameter of fn that argument i of a call fills,
// the variadic one included, or nil.
func paramAt(fn *types.Func, i int, spread bool) *types.Var {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	params := sig.Params()
	switch {
	case i < params.Len()-1 || i < params.Len() && !sig.Variadic():
		return params.At(i)
	case sig.Variadic() && params.Len() > 0 && !spread:
		return params.At(params.Len() - 1)
	}
	return nil
}

// rangedValues maps each value variable of a range statement to the
// collection it ranges over.
func rangedValues(info *types.Info, files []*ast.File) map[types.Object]ast.Expr {
	out := map[types.Object]ast.Expr{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if r, ok := n.(*ast.RangeStmt); ok && r.Tok == token.DEFINE {
				if id, ok := r.Value.(*ast.Ident); ok {
					if o := info.Defs[id]; o != nil {
						out[o] = r.X
					}
				}
			}
			return true
		})
	}
	return out
}

// nameKey reports whether e, the key of a map store or of a composite
// literal element, labels its value a name: a constant string, or
// (field) the field of a struct literal, whose last word is "name" and
// which is no credential name itself ("name", "secret_name", KeyName).
// A credential-named value the program files under such a key is the
// name of a secret, not its value (Doppler's SecretNote.Secret:
// note["name"] = secret.Secret). Only the key "name" decides: "id" and
// "key" may label a session ID or an API key.
func nameKey(info *types.Info, e ast.Expr, field bool) bool {
	var name string
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		name = constant.StringVal(tv.Value)
	} else if id, ok := e.(*ast.Ident); ok && field {
		if o, ok := info.ObjectOf(id).(*types.Var); ok && o.IsField() {
			name = o.Name()
		}
	}
	w := credname.Words(name)
	return len(w) > 0 && w[len(w)-1] == "name" && credname.Classify(name) == credname.None
}

// numberParsers finds the functions of the package that parse a string
// parameter as a duration or a number: the first result is a number,
// boolean, time.Duration or time.Time, and the body hands the parameter
// (as it is, or trimmed, as part of the argument expression) to a
// nonSecretParser. It returns the index of that parameter. A function
// that only derives a number from a credential (strconv.Atoi of one
// part of a split token) does not hand the parameter itself.
func numberParsers(info *types.Info, files []*ast.File) map[*types.Func]int {
	out := map[*types.Func]int{}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			sig := fn.Type().(*types.Signature)
			if sig.Results().Len() == 0 || !numberLike(sig.Results().At(0).Type()) {
				continue
			}
			params := map[types.Object]int{}
			for i := 0; i < sig.Params().Len(); i++ {
				if p := sig.Params().At(i); isStringType(p.Type()) {
					params[p] = i
				}
			}
			if len(params) == 0 {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				callee, _ := typeutil.Callee(info, call).(*types.Func)
				if callee == nil || callee.Pkg() == nil || !nonSecretParsers[callee.Pkg().Path()+"."+callee.Name()] {
					return true
				}
				ast.Inspect(call.Args[0], func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok {
						if i, ok := params[info.Uses[id]]; ok {
							if _, seen := out[fn]; !seen {
								out[fn] = i
							}
						}
					}
					return true
				})
				return true
			})
		}
	}
	return out
}

// numberLike reports whether t is a number, a boolean, time.Duration or
// time.Time.
func numberLike(t types.Type) bool {
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" {
		return n.Obj().Name() == "Duration" || n.Obj().Name() == "Time"
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsNumeric|types.IsBoolean) != 0
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// tokenTypeNames are the names of kinds of token (RFC 6749's parameter
// and token type names, OpenID Connect's id_token, RFC 9449's DPoP): a
// field such as AzureToken = "access_token" selects which token to use,
// it holds none.
var tokenTypeNames = map[string]bool{
	"access_token": true, "refresh_token": true, "id_token": true, "bearer": true,
	"jwt": true, "mac": true, "dpop": true, "opaque": true, "saml1": true, "saml2": true,
}

// nonSecretConst says what a constant is when it is plainly no
// credential: a duration, a number, a URN, a URL without userinfo or an
// absolute file path. It returns "" for anything else, the empty string
// included (an unset default says nothing).
func nonSecretConst(v constant.Value) string {
	if v.Kind() != constant.String {
		return ""
	}
	s := strings.TrimSpace(constant.StringVal(v))
	if s == "" {
		return ""
	}
	if _, err := time.ParseDuration(s); err == nil {
		return "a duration"
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return "a number"
	}
	low := strings.ToLower(s)
	if tokenTypeNames[low] {
		return "a token type name"
	}
	if strings.HasPrefix(low, "urn:") && !strings.ContainsAny(s, " \t") {
		return "a URN"
	}
	if u, err := url.Parse(s); err == nil && u.Scheme != "" && u.Host != "" && u.User == nil && !strings.ContainsAny(s, " \t") {
		return "a URL without credentials"
	}
	if strings.HasPrefix(s, "/") && strings.Count(s, "/") >= 2 && !strings.ContainsAny(s, " \t") {
		return "a file path"
	}
	return ""
}

// ValueObject returns the variable, field or parameter an SSA value
// reads, or nil.
func ValueObject(v ssa.Value) types.Object {
	switch v := v.(type) {
	case *ssa.UnOp:
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			if f := fieldOf(x.X.Type(), x.Field); f != nil {
				return f
			}
		case *ssa.Global:
			return x.Object()
		}
	case *ssa.Field:
		if f := fieldOf(v.X.Type(), v.Field); f != nil {
			return f
		}
	case *ssa.Parameter:
		return v.Object()
	}
	return nil
}

// PathParams finds the functions of the package that take a file path
// as a string parameter: the body hands the parameter, as it is, to a
// path taker (os.Open, os.ReadFile, tls.LoadX509KeyPair and kin, the
// same methods of os.Root) or to a function that takes a path there,
// of this package or, as known reports (a fact), of another one. It
// returns the indexes of those parameters. A parameter the body also
// converts to []byte or assigns to is left out: a "key or path"
// parameter may hold the key itself. Functions are followed to a fixed
// point, so that a chain of helpers (LoadKeyPair → ReadFile →
// os.ReadFile) is seen whole.
func PathParams(pkg *types.Package, info *types.Info, files []*ast.File, known func(*types.Func) []int) map[*types.Func][]int {
	type fnDecl struct {
		fn     *types.Func
		body   *ast.BlockStmt
		params map[types.Object]int
	}
	var decls []fnDecl
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			sig := fn.Type().(*types.Signature)
			params := map[types.Object]int{}
			for i := 0; i < sig.Params().Len(); i++ {
				if p := sig.Params().At(i); isStringType(p.Type()) {
					params[p] = i
				}
			}
			if len(params) == 0 {
				continue
			}
			// Parameters used as content or reassigned are no paths.
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if tv, ok := info.Types[n.Fun]; ok && tv.IsType() && len(n.Args) == 1 {
						if s, ok := tv.Type.Underlying().(*types.Slice); ok {
							if b, ok := s.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
								if id, ok := ast.Unparen(n.Args[0]).(*ast.Ident); ok {
									delete(params, info.Uses[id])
								}
							}
						}
					}
				case *ast.AssignStmt:
					for _, l := range n.Lhs {
						if id, ok := ast.Unparen(l).(*ast.Ident); ok {
							delete(params, info.Uses[id])
						}
					}
				}
				return true
			})
			if len(params) > 0 {
				decls = append(decls, fnDecl{fn, fd.Body, params})
			}
		}
	}
	out := map[*types.Func][]int{}
	has := func(fn *types.Func, i int) bool {
		for _, j := range out[fn] {
			if j == i {
				return true
			}
		}
		return false
	}
	takes := func(fn *types.Func, i int) bool {
		if IsPathTaker(fn) {
			return PathArg(fn, i)
		}
		fn = fn.Origin()
		if fn.Pkg() == pkg {
			return has(fn, i)
		}
		if known != nil {
			for _, j := range known(fn) {
				if j == i {
					return true
				}
			}
		}
		return false
	}
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			ast.Inspect(d.body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn, _ := typeutil.Callee(info, call).(*types.Func)
				if fn == nil {
					return true
				}
				for i, a := range call.Args {
					id, ok := ast.Unparen(a).(*ast.Ident)
					if !ok {
						continue
					}
					pi, ok := d.params[info.Uses[id]]
					if !ok || has(d.fn, pi) || !takes(fn, i) {
						continue
					}
					out[d.fn] = append(out[d.fn], pi)
					changed = true
				}
				return true
			})
		}
	}
	for _, is := range out {
		sort.Ints(is)
	}
	return out
}
