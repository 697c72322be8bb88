package hardcodedcred

import (
	"flag"
	"fmt"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/textual"
	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/internal/pubexample"
	"github.com/authvet/authvet/internal/testsupport"
)

// Analyzer reports credentials written into Go source.
var Analyzer = &analysis.Analyzer{
	Name: "hardcodedcred",
	Doc:  "report credentials written into Go source\n\nhardcodedcred reports string literals that are API keys, tokens, passwords or signing keys: values in a known provider format, literals that reach a credential sink (oauth2.Config.ClientSecret, SetBasicAuth, Authorization headers, JWT keys, URL userinfo) and secret-looking literals stored under credential names. See the package documentation for what is left alone.",
	URL:  "https://github.com/authvet/authvet/tree/main/analyzers/hardcodedcred",
	Run:  run,
	// accountFact carries the functions that store a password parameter
	// in an account (accountflow.go).
	FactTypes: []analysis.Fact{new(accountFact)},
}

// Options, set through Analyzer.Flags by the CLI, the config file or go
// vet. They are read, never written, during run.
var (
	minEntropy  = defaultMinEntropy
	secretNames nameList
)

func init() {
	Analyzer.Flags.Float64Var(&minEntropy, "min-entropy", defaultMinEntropy,
		"minimum Shannon entropy (bits per character) of a non-password value stored under a credential name")
	Analyzer.Flags.Var(&secretNames, "secret-names",
		"comma-separated extra names (words) that mark a variable, field or key as holding a secret, e.g. sessionid,pin")
	Analyzer.Flags.Var(&placeholders, "placeholders",
		"comma-separated extra regular expressions for values that are placeholders, never reported")
}

// nameList is a flag.Value holding extra credential words.
type nameList struct{ words []string }

func (l *nameList) String() string { return strings.Join(l.words, ",") }

func (l *nameList) Set(s string) error {
	for _, w := range strings.Split(s, ",") {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			l.words = append(l.words, w)
		}
	}
	return nil
}

var _ flag.Value = (*nameList)(nil)

// classifyName is credname.Classify plus the -secret-names words, which
// match the last word of a name or the whole name without separators.
func classifyName(name string) credname.Kind {
	if k := credname.Classify(name); k != credname.None {
		return k
	}
	if len(secretNames.words) > 0 {
		w := credname.Words(name)
		if len(w) > 0 {
			joined := strings.Join(w, "")
			for _, s := range secretNames.words {
				if w[len(w)-1] == s || joined == s {
					return credname.Secret
				}
			}
		}
	}
	return credname.None
}

// Rule priorities: where several rules flag one literal, the most
// specific wins (a provider's key format, then a typed sink, then a name).
const (
	prioDefault    = 0
	prioAssignment = 1
	prioSink       = 2
	prioKnown      = 3
)

// cand is a finding in the making.
type cand struct {
	o       origin
	rule    string
	prio    int
	msg     string
	envName string // base of the environment variable name of the fix
	scheme  string // "Bearer " etc. kept in front of os.Getenv by the fix
	noFix   bool
	// at and atEnd, when set, narrow the report to the key's text inside
	// a literal that spans several lines.
	at, atEnd token.Pos
}

type checker struct {
	pass  *analysis.Pass
	ix    *index
	cands map[token.Pos]*cand
	// names maps a literal to the name it is stored under, as context for
	// keyword-gated gitleaks rules.
	names map[*ast.BasicLit]string
	// skip holds literals that are never values: import paths and struct
	// tags.
	skip map[*ast.BasicLit]bool
	// fake holds literals passed to functions whose name says they take
	// sample data (GenerateSampleSecret, NewFakeClient, MockToken).
	fake map[*ast.BasicLit]bool
	// sshUsers maps an ssh.Password call inside an ssh.ClientConfig
	// literal to the literal's User: the identity the password is for.
	sshUsers map[*ast.CallExpr]ast.Expr
	lits     []*ast.BasicLit
	// concats are the outermost constant string concatenations
	// (a PEM header + body + footer), whose folded value is classified
	// whole; inner marks their operands.
	concats []*ast.BinaryExpr
	inner   map[ast.Expr]bool
	// accounts, createdLit, createdVar and litVar serve the
	// default-account rule (account.go).
	accounts   []accountLit
	createdLit map[*ast.CompositeLit]string
	createdVar map[*types.Var]string
	litVar     map[*ast.CompositeLit]*types.Var
	// fieldAccounts and storers serve its field-by-field and
	// call-argument forms (accountflow.go).
	fieldAccounts map[*types.Var]*fieldAccount
	storers       map[*types.Func]accountFact
	// tests says which code is test support (internal/testsupport);
	// built on first use by inTestSupport.
	tests *testsupport.Index
}

func run(pass *analysis.Pass) (any, error) {
	// Packages under a testdata directory are fixtures, not code that
	// ships: the go tool never builds them as part of ./..., and their
	// credentials are fake by design. Test-support packages (testutil,
	// mocks, httptest-style packages) are fixtures too.
	mod := ""
	if pass.Module != nil {
		mod = pass.Module.Path
	}
	if testSupport(testsupport.InModule(pass.Pkg.Path(), mod)) {
		return nil, nil
	}
	var files []*ast.File
	for _, f := range pass.Files {
		// Generated code carries credentials only when its input does,
		// and its author cannot fix the output.
		if ast.IsGenerated(f) {
			continue
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, nil
	}
	c := &checker{
		pass:  pass,
		ix:    newIndex(pass.TypesInfo, files),
		cands: map[token.Pos]*cand{},
		names: map[*ast.BasicLit]string{},
		skip:  map[*ast.BasicLit]bool{},
		fake:  map[*ast.BasicLit]bool{},

		sshUsers: map[*ast.CallExpr]ast.Expr{},

		createdLit: map[*ast.CompositeLit]string{},
		createdVar: map[*types.Var]string{},
		litVar:     map[*ast.CompositeLit]*types.Var{},

		fieldAccounts: map[*types.Var]*fieldAccount{},
		storers:       map[*types.Func]accountFact{},
	}
	for _, f := range files {
		c.walk(f)
	}
	c.knownFormats()
	c.defaultAccounts()
	c.defaultFieldAccounts()
	c.summarizeAccounts(files)
	c.emit(files)
	return nil, nil
}

func (c *checker) walk(f *ast.File) {
	for _, imp := range f.Imports {
		c.skip[imp.Path] = true
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.StructType:
			c.tagDefaults(n) // tagdefault.go
		case *ast.Field:
			if n.Tag != nil {
				c.skip[n.Tag] = true
			}
		case *ast.BasicLit:
			if n.Kind == token.STRING && !c.skip[n] {
				c.lits = append(c.lits, n)
			}
		case *ast.CompositeLit:
			c.compositeLit(n)
		case *ast.AssignStmt:
			c.assign(n)
			c.recordAssign(n.Lhs, n.Rhs)
			c.recordFieldAssign(n)
		case *ast.ValueSpec:
			c.valueSpec(n)
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			c.recordAssign(lhs, n.Values)
		case *ast.CallExpr:
			c.call(n)
			c.recordArgs(n)
		case *ast.BinaryExpr:
			c.concat(n)
			if n.Op == token.EQL || n.Op == token.NEQ {
				c.compare(n, n.X, n.Y)
				c.compare(n, n.Y, n.X)
			}
		case *ast.SwitchStmt:
			c.switchStmt(n)
		case *ast.FuncDecl:
			if n.Body != nil {
				if obj, ok := c.pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
					c.funcBody(n.Name.Name, obj.Type().(*types.Signature), n.Body)
				}
			}
		case *ast.FuncLit:
			if sig, ok := c.pass.TypesInfo.TypeOf(n).(*types.Signature); ok {
				c.funcBody("", sig, n.Body)
			}
		}
		return true
	})
}

// nameLit records the name a literal is stored under (through a
// conversion such as []byte("…")), whatever the name: it is the context
// keyword-gated gitleaks rules need, and names the fix's variable.
func (c *checker) nameLit(e ast.Expr, name string) {
	if lit := litOf(c.pass.TypesInfo, e); lit != nil {
		if _, seen := c.names[lit]; !seen {
			c.names[lit] = name
		}
	}
}

// litOf returns the string literal e is, directly or through one
// conversion such as []byte("…"), or nil.
func litOf(info *types.Info, e ast.Expr) *ast.BasicLit {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			e = ast.Unparen(call.Args[0])
		}
	}
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		return lit
	}
	return nil
}

// add records a candidate finding for each plausible origin of e.
func (c *checker) add(e ast.Expr, rule, what, name string, ok func(string) bool) {
	for _, o := range c.ix.resolve(e) {
		if o.lit != nil && name != "" {
			if _, seen := c.names[o.lit]; !seen {
				c.names[o.lit] = name
			}
		}
		if !ok(o.value) {
			continue
		}
		if rule == "assignment" && nameValue(o.value, name) {
			// The value names a setting or key ("JWTSecret" under
			// JWTSecretKey): an identifier, not a secret.
			continue
		}
		// A constant of another package is often a library's public
		// sentinel (jwt.UnsafeAllowNoneSignatureType, a default scheme
		// name); it is reported only if it also looks like a secret.
		if o.lit == nil && !looksSecret(o.value, false, minEntropy) {
			continue
		}
		if o.lit == nil && c.reportedAtDecl(o.via) {
			continue
		}
		c.addOrigin(o, rule, what, name, "")
	}
}

// reportedAtDecl reports whether obj is a constant of another package of
// the same module whose own name names a credential: its literal is
// reported where it is declared (planetscale's psauth.OAuthClientSecret),
// and each assignment from it would repeat that finding where nothing
// can be fixed. A constant of another module (a dependency's default),
// or one whose name says nothing, is still reported at its use.
func (c *checker) reportedAtDecl(obj types.Object) bool {
	k, ok := obj.(*types.Const)
	if !ok || k.Pkg() == nil || k.Pkg() == c.pass.Pkg || !credname.IsCredential(k.Name()) {
		return false
	}
	return moduleOf(k.Pkg().Path()) == moduleOf(c.pass.Pkg.Path())
}

// moduleOf approximates a package's module by the first three elements
// of its path (github.com/owner/repo), or its first one when the path
// has no dot in its first element.
func moduleOf(path string) string {
	parts := strings.SplitN(path, "/", 4)
	if !strings.Contains(parts[0], ".") || len(parts) < 3 {
		return parts[0]
	}
	return strings.Join(parts[:3], "/")
}

func (c *checker) addOrigin(o origin, rule, what, name, scheme string) {
	if fakeName(name) || (o.via != nil && fakeName(o.via.Name())) {
		return
	}
	if o.via != nil && publicName(o.via.Name()) && !credname.IsCredential(o.via.Name()) {
		// const defaultPubKey = "RWT…" handed to a parameter its
		// library calls passphrase: the constant's own name says
		// what the value is, a public key.
		return
	}
	if o.lit != nil && c.inDemoFunc(o.lit.Pos()) {
		return
	}
	prio := prioAssignment
	if rule == "sink" {
		prio = prioSink
	}
	key := o.node.Pos()
	if old, ok := c.cands[key]; ok {
		// A higher-priority rule wins; at equal priority the site that
		// stores the literal directly (no const or var between) wins, as
		// it names the literal best.
		if old.prio > prio || (old.prio == prio && (old.o.via == nil || o.via != nil)) {
			return
		}
	}
	env := name
	if o.via != nil && o.lit != nil {
		env = o.via.Name()
	}
	c.cands[key] = &cand{o: o, rule: rule, prio: prio, msg: describe(what, o), envName: env, scheme: scheme}
}

// describe builds a message: what the value is, how it is written, and a
// redacted form of it (at most 4 leading characters).
func describe(what string, o origin) string {
	how := "is a string literal"
	if o.lit == nil {
		how = fmt.Sprintf("is the constant %s", types.ExprString(o.node.(ast.Expr)))
	} else if o.via != nil {
		kind := "var"
		if _, isConst := o.via.(*types.Const); isConst {
			kind = "const"
		}
		how = fmt.Sprintf("is a string literal (through %s %s)", kind, o.via.Name())
	}
	return fmt.Sprintf("%s %s: %s", what, how, finding.Redact(o.value))
}

// strict and lenient are the value tests of the two kinds of site (see
// value.go).
func strictFor(k credname.Kind) func(string) bool {
	pw := k == credname.Password
	return func(v string) bool { return looksSecret(v, pw, minEntropy) }
}

func lenient(v string) bool { return plausible(v) }

// versionRe matches a dotted version number ("2.19.0", "v3.1"). An API
// that is also fed public labels (hmac.New) given one is keyed with an
// app's published version, as vendor apps sign their requests with
// it: a label, not a secret. Bare digits ("12345678") stay keys.
var versionRe = regexp.MustCompile(`^[vV]?[0-9]{1,4}(\.[0-9]{1,4}){1,3}$`)

// credentialWords are values that name a credential instead of being one.
// In a header or query parameter ("Bearer token", "?api_key=apikey") they
// are slots left to fill in. (A JWT key or password of "secret" is kept:
// there the word is the key.)
var credentialWords = map[string]bool{
	"token": true, "accesstoken": true, "apikey": true, "key": true, "secret": true,
	"clientsecret": true, "password": true, "passwd": true, "pass": true,
	"bearer": true, "auth": true, "credential": true, "credentials": true,
	"jwt": true, "authtoken": true, "mytoken": true, "myapikey": true,
}

func credentialWord(v string) bool { return credentialWords[squash(v)] }

// titleWord reports a capitalized word of letters only (Oracle,
// Anonymous): a fixed value a protocol or a proxy documents ("Bearer
// Oracle" for Oracle Cloud's metadata service), not a generated token.
func titleWord(v string) bool {
	if len(v) < 3 || len(v) > 12 || v[0] < 'A' || v[0] > 'Z' {
		return false
	}
	for i := 1; i < len(v); i++ {
		if v[i] < 'a' || v[i] > 'z' {
			return false
		}
	}
	return true
}

// noCallerWords, as a header's credential, are markers that say there
// is none: a proxy putting "Bearer Anonymous" in front of a request
// without a session for the backend to treat as anonymous.
var noCallerWords = map[string]bool{
	"anonymous": true, "anon": true, "guest": true, "public": true, "none": true, "null": true,
	"nil": true, "nobody": true, "unauthenticated": true, "undefined": true,
}

// credentialName returns the kind of credential the name of the storage
// an expression denotes says it holds, and that name: an identifier, a
// field selector, or an index with a constant key.
func (c *checker) credentialName(e ast.Expr) (credname.Kind, string) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return classifyName(e.Name), e.Name
	case *ast.SelectorExpr:
		return classifyName(e.Sel.Name), e.Sel.Name
	case *ast.IndexExpr:
		if s, ok := c.constString(e.Index); ok {
			return classifyName(s), s
		}
	case *ast.StarExpr:
		return c.credentialName(e.X)
	case *ast.CallExpr:
		// Reads of a credential from a request: r.Header.Get("X-API-Key"),
		// r.URL.Query().Get("api_key"), r.FormValue("token").
		if len(e.Args) == 1 {
			if s, ok := c.constString(e.Args[0]); ok {
				if isCredHeader(s) || credname.IsCredentialParam(s) {
					return credname.Credential, s
				}
			}
		}
	}
	return credname.None, ""
}

// constString returns the string constant value of e, if it has one.
func (c *checker) constString(e ast.Expr) (string, bool) {
	return textual.ConstString(c.pass.TypesInfo, e)
}

// isCredHeader is credname.IsCredentialHeader without the cookie headers:
// cookies set or sent by code are mostly preferences, not credentials.
func isCredHeader(h string) bool {
	switch strings.ToLower(h) {
	case "cookie", "set-cookie":
		return false
	}
	return credname.IsCredentialHeader(h)
}

// authSchemes are Authorization schemes whose parameter is the credential.
var authSchemes = []string{"bearer ", "basic ", "token ", "digest ", "apikey ", "api-key ", "key ", "sso-key ", "bot ", "dsn "}

// splitScheme splits "Bearer abc" into "Bearer " and "abc". Besides the
// known schemes, any leading word followed by a space is taken as a
// scheme (OAuth, AWS4-HMAC-SHA256, SharedKey …): credential header values
// are "<scheme> <credentials>" or a bare token, which has no space.
func splitScheme(v string) (scheme, cred string) {
	lv := strings.ToLower(v)
	for _, s := range authSchemes {
		if strings.HasPrefix(lv, s) {
			return v[:len(s)], strings.TrimSpace(v[len(s):])
		}
	}
	if i := strings.IndexByte(v, ' '); i > 0 && schemeRe.MatchString(v[:i]) {
		return v[:i+1], strings.TrimSpace(v[i+1:])
	}
	return "", v
}

var schemeRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*$`)

// header reports a literal value sent in a credential header.
func (c *checker) header(name string, value ast.Expr) {
	if !isCredHeader(name) {
		return
	}
	what := fmt.Sprintf("credential in HTTP header %s", name)
	env := headerEnv(name)
	for _, o := range c.ix.resolve(value) {
		if o.lit != nil {
			c.names[o.lit] = name
		}
		scheme, cred := splitScheme(o.value)
		if cred == "" || !plausible(cred) || credentialWord(cred) || noCallerWords[strings.ToLower(cred)] || titleWord(cred) {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(scheme), "basic") {
			// Basic credentials are base64("user:password"); judge the
			// password as the assignment rule would ("user:pass" is
			// documentation).
			if d, ok := decodeBase64Text(cred); ok {
				if _, pw, found := strings.Cut(d, ":"); found && !looksSecret(pw, true, minEntropy) {
					continue
				}
			}
		}
		if o.encoded {
			// The program encodes the literal itself ("Basic " +
			// base64(user:password)): the same judgement on the plain
			// text, and a bare word or identifier encoded is no
			// secret either.
			pw := cred
			if _, p, found := strings.Cut(cred, ":"); found {
				pw = p
			}
			if !looksSecret(pw, true, minEntropy) {
				continue
			}
		}
		if o.lit == nil && !looksSecret(cred, false, minEntropy) {
			continue // see add
		}
		o2 := o
		o2.value = cred
		c.addOrigin(o2, "sink", what, env, scheme)
	}
}

func headerEnv(name string) string {
	w := credname.Words(name)
	if len(w) > 1 && w[0] == "x" {
		w = w[1:]
	}
	if len(w) == 1 && w[0] == "authorization" {
		return "API_TOKEN"
	}
	return strings.Join(w, "_")
}

// queryParam reports a literal value sent as a credential query
// parameter. Names that always mean a credential take any plausible
// value; generic ones (key, token, auth, sig) need a secret-looking one.
func (c *checker) queryParam(name string, value ast.Expr) {
	if !credname.IsCredentialParam(name) {
		return
	}
	ok := func(v string) bool { return lenient(v) && !credentialWord(v) }
	switch strings.ToLower(name) {
	case "key", "token", "auth", "sig", "signature", "secret", "password":
		ok = strictFor(credname.Token)
	}
	c.add(value, "sink", fmt.Sprintf("credential in URL query parameter %s", name), name, ok)
}

// sshClientUser records, for each ssh.Password call in the Auth methods
// of the ssh.ClientConfig literal n, the literal's User: the password
// equal to the user name is checked as SetBasicAuth's is (sameAsIdent;
// sshportal's healthcheck logs in as healthcheck/healthcheck, an
// account that lets any password in).
func (c *checker) sshClientUser(n *ast.CompositeLit) {
	var user, auth ast.Expr
	keyedFields(n, func(name string, v ast.Expr) {
		switch name {
		case "User":
			user = v
		case "Auth":
			auth = v
		}
	})
	if user == nil || auth == nil {
		return
	}
	ast.Inspect(auth, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return true
		}
		if fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); ok {
			if _, _, key := funcKey(fn); key == "golang.org/x/crypto/ssh.Password" {
				c.sshUsers[call] = user
			}
		}
		return true
	})
}

func (c *checker) compositeLit(n *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(n)
	if t == nil {
		return
	}
	tkey := namedKey(t)
	if normPath(tkey) == "golang.org/x/crypto/ssh.ClientConfig" {
		c.sshClientUser(n)
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		c.accountCandidate(n)
		keyedFields(n, func(name string, v ast.Expr) {
			if keyBesideSecret(u, name) {
				return // the identifier half of a key/secret pair (keypair.go)
			}
			c.field(tkey, name, v)
		})
	case *types.Map:
		for _, e := range n.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			k, ok := c.constString(kv.Key)
			if !ok {
				continue
			}
			switch tkey {
			case "net/http.Header":
				for _, v := range sliceElems(kv.Value) {
					c.header(k, v)
				}
			case "net/url.Values":
				for _, v := range sliceElems(kv.Value) {
					c.queryParam(k, v)
				}
			default:
				c.nameLit(kv.Value, k)
				if !isStringish(u.Elem()) {
					continue
				}
				if kind := classifyName(k); kind != credname.None {
					c.add(kv.Value, "assignment", fmt.Sprintf("%s in map entry %q", kind, k), k, strictFor(kind))
				}
			}
		}
	}
}

// keyedFields calls f for each Field: value element of a struct literal.
func keyedFields(n *ast.CompositeLit, f func(name string, v ast.Expr)) {
	for _, e := range n.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok {
			f(key.Name, kv.Value)
		}
	}
}

// sliceElems returns the elements of a []string literal, or e itself.
func sliceElems(e ast.Expr) []ast.Expr {
	if cl, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		return cl.Elts
	}
	return []ast.Expr{e}
}

// isStringish reports whether t is a string or []byte type, the types a
// credential literal is stored as.
func isStringish(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	case *types.Interface:
		return true
	}
	return false
}

// field handles a value stored in field name of the struct type tkey.
func (c *checker) field(tkey, name string, value ast.Expr) {
	c.nameLit(value, name)
	if what, ok := fieldSinks[tkey+"."+name]; ok {
		c.add(value, "sink", what, name, lenient)
		return
	}
	if kind := c.keyKind(name, value); kind != credname.None {
		c.add(value, "assignment", fmt.Sprintf("%s in field %s", kind, name), name, strictFor(kind))
	}
}

func (c *checker) assign(n *ast.AssignStmt) {
	if (n.Tok != token.ASSIGN && n.Tok != token.DEFINE) || len(n.Lhs) != len(n.Rhs) {
		return
	}
	for i, l := range n.Lhs {
		r := n.Rhs[i]
		switch l := ast.Unparen(l).(type) {
		case *ast.SelectorExpr:
			if sel, ok := c.pass.TypesInfo.Selections[l]; ok && sel.Kind() == types.FieldVal {
				if st, ok := derefStruct(sel.Recv()); ok && keyBesideSecret(st, l.Sel.Name) {
					continue // keypair.go
				}
				c.field(namedKey(sel.Recv()), l.Sel.Name, r)
				continue
			}
		case *ast.IndexExpr:
			if k, ok := c.constString(l.Index); ok {
				switch namedKey(c.pass.TypesInfo.TypeOf(l.X)) {
				case "net/http.Header":
					for _, v := range sliceElems(r) {
						c.header(k, v)
					}
					continue
				case "net/url.Values":
					for _, v := range sliceElems(r) {
						c.queryParam(k, v)
					}
					continue
				}
			}
		case *ast.Ident:
			if l.Name == "_" {
				continue
			}
		}
		kind, name := c.credentialName(l)
		if name != "" {
			c.nameLit(r, name)
		}
		if kind != credname.None {
			c.add(r, "assignment", fmt.Sprintf("%s in %s %s", kind, storageKind(l), name), name, strictFor(kind))
		}
	}
}

func storageKind(e ast.Expr) string {
	switch ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		return "map entry"
	case *ast.SelectorExpr:
		return "field"
	}
	return "var"
}

func (c *checker) valueSpec(n *ast.ValueSpec) {
	if len(n.Names) != len(n.Values) {
		return
	}
	for i, name := range n.Names {
		obj := c.pass.TypesInfo.Defs[name]
		if obj == nil || name.Name == "_" {
			continue
		}
		c.nameLit(n.Values[i], name.Name)
		kind := c.keyKind(name.Name, n.Values[i])
		if kind == credname.None {
			continue
		}
		sk := "var"
		if k, ok := obj.(*types.Const); ok {
			sk = "const"
			if enumLabel(k) {
				continue
			}
		}
		c.add(n.Values[i], "assignment", fmt.Sprintf("%s in %s %s", kind, sk, name.Name), name.Name, strictFor(kind))
	}
}

func (c *checker) call(n *ast.CallExpr) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, n).(*types.Func)
	if !ok {
		return
	}
	if fakeName(fn.Name()) {
		for _, a := range n.Args {
			if lit := litOf(c.pass.TypesInfo, a); lit != nil {
				c.fake[lit] = true
			}
		}
		return
	}
	pkg, recv, key := funcKey(fn)
	if s, ok := callSinks[key]; ok && s.arg < len(n.Args) {
		ok := lenient
		if s.label && key == "crypto/hmac.New" && c.kdfLabel(n) {
			return // a key-derivation label (kdflabel.go)
		}
		if s.label {
			ok = func(v string) bool {
				return lenient(v) && !strings.ContainsAny(v, " \t\n") && !versionRe.MatchString(v)
			}
		}
		c.add(n.Args[s.arg], "sink", s.what, paramName(fn, s.arg), ok)
		if s.ident > 0 && s.ident <= len(n.Args) {
			c.sameAsIdent(n.Args[s.ident-1], n.Args[s.arg])
		}
		if u, ok := c.sshUsers[n]; ok {
			c.sameAsIdent(u, n.Args[s.arg])
		}
		return
	}
	if f, ok := jwtlib.Classify(fn); ok && f.Key >= 0 && f.Key < len(n.Args) {
		owner := recv
		if owner == "" {
			owner = fn.Pkg().Name()
		}
		c.add(n.Args[f.Key], "sink", fmt.Sprintf("JWT key passed to %s.%s", owner, fn.Name()), "jwt_signing_key", lenient)
		return
	}
	switch {
	case pkg == "net/http" && recv == "Header" && (fn.Name() == "Set" || fn.Name() == "Add") && len(n.Args) == 2:
		if h, ok := c.constString(n.Args[0]); ok {
			c.header(h, n.Args[1])
		}
		return
	case pkg == "net/url" && recv == "Values" && (fn.Name() == "Set" || fn.Name() == "Add") && len(n.Args) == 2:
		if p, ok := c.constString(n.Args[0]); ok {
			c.queryParam(p, n.Args[1])
		}
		return
	case (pkg == "crypto/subtle" && fn.Name() == "ConstantTimeCompare") || (pkg == "crypto/hmac" && fn.Name() == "Equal"):
		// A literal compared in constant time is the expected secret (an
		// API key, a webhook signature key).
		what := fmt.Sprintf("value compared by %s.%s", fn.Pkg().Name(), fn.Name())
		for i, a := range n.Args {
			if c.magicPrefix(n.Args, i) {
				continue
			}
			c.add(a, "sink", what, "expected_secret", func(v string) bool { return lenient(v) && !credentialWord(v) })
		}
		return
	case pkg == "flag" || pkg == "github.com/spf13/pflag":
		if name, val, ok := flagDefault(fn.Name(), n.Args); ok {
			c.flagDefault(name, val)
		}
		return
	case pkg == "google.golang.org/grpc/metadata" && (fn.Name() == "Pairs" || fn.Name() == "AppendToOutgoingContext"):
		args := n.Args
		if fn.Name() == "AppendToOutgoingContext" && len(args) > 0 {
			args = args[1:]
		}
		for i := 0; i+1 < len(args); i += 2 {
			if h, ok := c.constString(args[i]); ok {
				c.header(h, args[i+1])
			}
		}
		return
	}
	c.params(fn, n)
}

// flagDefault returns the name and default-value arguments of a
// string flag definition of flag or pflag (String, StringVar, and pflag's
// shorthand forms StringP, StringVarP; as functions or FlagSet methods).
func flagDefault(fname string, args []ast.Expr) (name, value ast.Expr, ok bool) {
	var ni, vi int
	switch fname {
	case "String":
		ni, vi = 0, 1
	case "StringP":
		ni, vi = 0, 2
	case "StringVar":
		ni, vi = 1, 2
	case "StringVarP":
		ni, vi = 1, 3
	default:
		return nil, nil, false
	}
	if vi >= len(args) {
		return nil, nil, false
	}
	return args[ni], args[vi], true
}

// flagDefault judges the default value of a command-line flag whose name
// says it holds a credential (--api-key, --partner-token) as the
// assignment rule judges a variable's: a secret-looking default is a
// credential compiled into the program, present whenever the flag is not
// given. The flag's name and usage text are left alone.
func (c *checker) flagDefault(nameArg, value ast.Expr) {
	name, ok := c.constString(nameArg)
	if !ok {
		return
	}
	c.nameLit(value, name)
	kind := classifyName(name)
	if kind == credname.None {
		return
	}
	c.add(value, "assignment", fmt.Sprintf("%s in the default of flag %s", kind, name), name, strictFor(kind))
}

// params handles literals passed to parameters whose name says they hold
// a credential: NewClient(baseURL, apiKey string) called with a literal
// key. Parameter names come from the callee's signature, which export
// data keeps. A function of one string parameter is judged by its own
// name too (SetToken, WithAPIKey).
func (c *checker) params(fn *types.Func, n *ast.CallExpr) {
	sig := fn.Type().(*types.Signature)
	np := sig.Params().Len()
	for i, a := range n.Args {
		if i >= np || (sig.Variadic() && i >= np-1) {
			break
		}
		p := sig.Params().At(i)
		if !isStringish(p.Type()) {
			continue
		}
		name := p.Name()
		kind := classifyName(name)
		if kind == credname.None && np == 1 && (genericParam(name) || !obtains(fn.Name())) {
			// SetToken(t string), NewKeyCredential(accountKey string):
			// the function's name says what it takes. One that obtains
			// a credential (getAccessToken(scope string),
			// FetchToken(account string)) is given what it is obtained
			// for, unless its parameter's name says nothing.
			name = fn.Name()
			kind = classifyName(name)
		}
		if kind == credname.None && i > 0 {
			// Key/value calls: os.Setenv("API_TOKEN", "…"),
			// viper.SetDefault("jwt.secret", "…"), zap.String("token", "…").
			// The constant key before the value names it.
			if k, ok := c.constString(n.Args[i-1]); ok && !strings.ContainsAny(k, " %") {
				name, kind = k, classifyName(k)
				if kind == credname.None && credname.IsCredentialEnvVar(k) {
					kind = credname.Secret
				}
				if kind == credname.None {
					// The key names the value for the value rules
					// (azure.go) even when it is no credential word.
					c.nameLit(a, k)
				}
			}
		}
		if kind == credname.None {
			continue
		}
		c.add(a, "assignment", fmt.Sprintf("%s passed to %s", kind, calleeName(fn)), name, strictFor(kind))
	}
}

// obtains reports whether a function's name starts with a verb of
// obtaining: its credential word names its result, not its parameter.
func obtains(name string) bool {
	w := credname.Words(name)
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case "get", "fetch", "request", "obtain", "acquire", "refresh", "retrieve", "load", "read", "lookup", "find", "exchange", "mint", "issue", "generate":
		return true
	}
	return false
}

// genericParam reports whether a parameter's name says nothing of what
// it holds: none, a letter or two, or a word for any value.
func genericParam(name string) bool {
	if len(name) <= 2 || name == "_" {
		return true
	}
	switch strings.ToLower(name) {
	case "val", "value", "str", "arg", "input", "data", "raw", "text", "param":
		return true
	}
	return false
}

func calleeName(fn *types.Func) string {
	if sig := fn.Type().(*types.Signature); sig.Recv() != nil {
		return typeName(sig.Recv().Type()) + "." + fn.Name()
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

func paramName(fn *types.Func, i int) string {
	sig := fn.Type().(*types.Signature)
	if i < sig.Params().Len() {
		if n := sig.Params().At(i).Name(); n != "" && n != "_" {
			return n
		}
	}
	return fn.Name()
}

// compare handles lit == x and x != lit where x names a credential, and
// constant-time comparisons with a literal.
func (c *checker) compare(n *ast.BinaryExpr, named, value ast.Expr) {
	kind, name := c.credentialName(named)
	if kind == credname.None {
		return
	}
	c.add(value, "assignment", fmt.Sprintf("value compared with %s %s", kind, name), name, strictFor(kind))
}

func (c *checker) switchStmt(n *ast.SwitchStmt) {
	if n.Tag == nil {
		return
	}
	kind, name := c.credentialName(n.Tag)
	if kind == credname.None {
		return
	}
	for _, s := range n.Body.List {
		for _, e := range s.(*ast.CaseClause).List {
			c.add(e, "assignment", fmt.Sprintf("value compared with %s %s", kind, name), name, strictFor(kind))
		}
	}
}

// funcBody handles the results of JWT key functions and of functions
// whose name says they return a credential (func apiKey() string).
func (c *checker) funcBody(name string, sig *types.Signature, body *ast.BlockStmt) {
	keyfunc := jwtlib.IsKeyfunc(sig)
	kind := credname.None
	if name != "" && sig.Params().Len() == 0 && sig.Results().Len() == 1 && isStringish(sig.Results().At(0).Type()) {
		kind = classifyName(name)
	}
	if !keyfunc && kind == credname.None {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				return true
			}
			if keyfunc {
				c.add(n.Results[0], "sink", "JWT key returned from key func", "jwt_signing_key", lenient)
			} else {
				c.add(n.Results[0], "assignment", fmt.Sprintf("%s returned from %s", kind, name), name, strictFor(kind))
			}
		}
		return true
	})
}

// emit reports the candidates in source order.
func (c *checker) emit(files []*ast.File) {
	cs := make([]*cand, 0, len(c.cands))
	for _, cd := range c.cands {
		cs = append(cs, cd)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].o.node.Pos() < cs[j].o.node.Pos() })
	for _, cd := range cs {
		if cd.o.lit != nil && c.fake[cd.o.lit] {
			continue
		}
		devDefault(cd)
		pos, end := cd.o.node.Pos(), cd.o.node.End()
		if cd.at.IsValid() {
			pos, end = cd.at, cd.atEnd
		}
		d := analysis.Diagnostic{
			Pos:      pos,
			End:      end,
			Category: cd.rule,
			Message:  cd.msg,
		}
		if fix, ok := c.fix(cd, files); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.pass.Report(d)
	}
}

// devDefault turns a candidate whose value is a published emulator or
// local-development default (internal/pubexample: Azurite's account key,
// the Cosmos DB emulator's key, MinIO's minioadmin, alone or inside a
// connection string), whatever rule found it, into a default-account
// note: the value is no one's secret, and opens only the emulator or a
// server whose operator kept the documented default (CWE-1392).
func devDefault(cd *cand) {
	if cd.rule == "default-account" {
		return
	}
	why, ok := pubexample.DevDefault(cd.o.value)
	if !ok {
		publishedValue(cd)
		return
	}
	cd.rule, cd.noFix = "default-account", true
	cd.msg += "; it is " + why + ", a published default that opens only that emulator or a server that kept it: read it from the configuration so that a deployment sets its own (CWE-1392)"
}

// publishedValue turns a candidate whose value a provider publishes in
// its documentation (internal/pubexample.Lookup: MinIO's public
// playground key, AWS's example key) into a note: the value grants
// nothing anyone could not read in the documentation.
func publishedValue(cd *cand) {
	why, ok := pubexample.Lookup(cd.o.value)
	if !ok {
		return
	}
	cd.rule, cd.noFix = "default-account", true
	cd.msg += "; it is " + why + ", published by its provider: it grants nothing that is not public"
}

// sameAsIdent lowers a sink's secret that is the same constant as the
// identity it belongs to (NewStaticCredentials("key", "key", ""),
// UserPassword("minioadmin", "minioadmin")) to a default-account note:
// no issuer hands out a secret equal to its own key id or user name, so
// it is a stand-in that an emulator accepts (DynamoDB Local, LocalStack
// take any key) or a default, guessable wherever it is deployed
// (CWE-1392). It stays reported.
//
// Both sides may reach the call through variables that the
// configuration overrides (telegraf's RabbitMQ input: username :=
// defaultUsername, password := defaultPassword, each replaced when the
// user sets one, both "guest"): the constants they start from are
// compared.
func (c *checker) sameAsIdent(ident, secret ast.Expr) {
	ids := map[string]bool{}
	if id, ok := c.constString(ident); ok {
		ids[id] = true
	}
	for _, o := range c.ix.resolve(ident) {
		ids[o.value] = true
	}
	delete(ids, "")
	if len(ids) == 0 {
		return
	}
	for _, o := range c.ix.resolve(secret) {
		cd, ok := c.cands[o.node.Pos()]
		if !ok || cd.rule != "sink" {
			continue
		}
		why := ""
		for id := range ids {
			switch {
			case strings.TrimSpace(id) == "":
			case o.value == id:
				why = "it equals its own key id or user name, a stand-in that emulators accept or a default, not a secret: read both from the configuration (CWE-1392)"
			case userWord[strings.ToLower(id)] && passWord[strings.ToLower(o.value)]:
				// url.UserPassword("user", "pass") in a URL shown for
				// the user to edit (go2rtc's discovered ONVIF cameras):
				// the names of the two fields written where their
				// values go.
				why = "the user name and the password are the words for them, a template to fill in or a default anyone guesses, not a secret (CWE-1392)"
			}
			if why != "" {
				break
			}
		}
		if why == "" {
			continue
		}
		cd.rule, cd.noFix = "default-account", true
		cd.msg += "; " + why
	}
}

// userWord and passWord are the words for a user name and a password.
var (
	userWord = map[string]bool{"user": true, "username": true, "login": true, "usr": true, "uname": true, "name": true}
	passWord = map[string]bool{"pass": true, "password": true, "passwd": true, "pwd": true, "secret": true}
)

// demoWords, as a word of the name of the function a literal is written
// in, say the function builds demonstration or sample data
// (createDemoProject, seedExampleData, newSampleConfig): its credentials
// are the demo's, published with it (semaphore's demo project holds the
// vault password of a public demo repository). "test" is not among
// them: production code tests connections.
var demoWords = map[string]bool{
	"demo": true, "example": true, "sample": true, "dummy": true, "fake": true,
	"mock": true, "placeholder": true, "fixture": true, "stub": true,
}

// inDemoFunc reports whether pos lies in a function declaration whose
// name says it builds demo or sample data.
func (c *checker) inDemoFunc(pos token.Pos) bool {
	for _, f := range c.pass.Files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || pos < fd.Pos() || pos >= fd.End() {
				continue
			}
			for _, w := range credname.Words(fd.Name.Name) {
				if demoWords[w] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// publicName reports whether a const or var name says its value is
// public: a public key or certificate (defaultPubKey, rootPublicKey).
func publicName(name string) bool {
	for _, w := range credname.Words(name) {
		if w == "pub" || w == "public" || w == "pubkey" {
			return true
		}
	}
	return false
}

// magicPrefix reports whether args[i] is a constant compared with the
// start of the input cut to its length (data[:len(TokenMagic)],
// buf[0:4] against "wp24"): a format's magic bytes recognised, not a
// secret expected. waypoint prefixes every token it encodes with
// "wp24" and checks it so before decoding.
func (c *checker) magicPrefix(args []ast.Expr, i int) bool {
	v, ok := c.constString(textual.Unconvert(c.pass.TypesInfo, args[i]))
	if !ok || v == "" {
		return false
	}
	for j, o := range args {
		if j == i {
			continue
		}
		sl, ok := ast.Unparen(textual.Unconvert(c.pass.TypesInfo, o)).(*ast.SliceExpr)
		if !ok || sl.High == nil || sl.Slice3 {
			continue
		}
		if sl.Low != nil {
			if tv, ok := c.pass.TypesInfo.Types[sl.Low]; !ok || tv.Value == nil || tv.Value.String() != "0" {
				continue
			}
		}
		if tv, ok := c.pass.TypesInfo.Types[sl.High]; ok && tv.Value != nil && tv.Value.String() == fmt.Sprint(len(v)) {
			return true
		}
		if call, ok := ast.Unparen(sl.High).(*ast.CallExpr); ok && len(call.Args) == 1 {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && textual.IsBuiltin(c.pass.TypesInfo, id, "len") {
				if w, ok := c.constString(textual.Unconvert(c.pass.TypesInfo, call.Args[0])); ok && w == v {
					return true
				}
			}
		}
	}
	return false
}
