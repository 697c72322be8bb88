package hardcodedcred

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/internal/finding"
)

// The default-account rule (CWE-1392): a program that creates an account
// with a fixed password, typically the first owner when the database is
// empty (shiori's Username: "shiori", Password: "gopher"). Such a
// password is usually a short word, documented and meant to be changed,
// so the assignment rule (which wants a secret-looking value) leaves it
// alone; it is reported here at note level.
//
// A struct literal is a default account when a password field (by
// credname: Password, Passwd, Pass) holds a string literal, and
//   - the literal reaches an account-creation call: it, or the local
//     variable it is stored in, is an argument of a call whose name starts
//     with a creating verb (CreateAccount, SaveUser, InsertUser, Register,
//     EnsureAdmin, Seed…), or
//   - the struct's type also has a username-like field (Username, User,
//     Login, Email, Name) and this literal sets it to a string literal.
//
// Left alone: empty passwords, password hashes (bcrypt/argon2: verifiers),
// templates and environment-variable names, placeholders ("<password>",
// "xxxx", "***") other than the classic default words (admin, password,
// changeme, root, which are exactly what CWE-1392 is about), values read
// at run time (environment, flags, files), _test.go files, and literals
// whose type or variable name says test data (fakeUser, testAccount).

// accountLit is a struct literal with a password literal, waiting for
// the end of the walk to know whether it reaches a creating call.
type accountLit struct {
	lit      *ast.CompositeLit
	password ast.Expr // the password field's value
	user     string   // the username literal, if set
	// fallback: the password is a variable that falls back to a fixed
	// literal (fallbackDefault); only a creating call makes it an
	// account's default.
	fallback bool
}

// creatingVerbs, as the first word of a callee's name, say the call
// stores a new record.
var creatingVerbs = map[string]bool{
	"create": true, "save": true, "insert": true, "add": true, "register": true,
	"ensure": true, "upsert": true, "store": true, "put": true, "seed": true,
	"bootstrap": true, "provision": true, "signup": true,
}

// userFieldWords name the identity half of an account.
var userFieldWords = map[string]bool{
	"username": true, "user": true, "login": true, "email": true, "name": true,
	"userid": true, "account": true,
}

// classicDefaults are the placeholder-looking words that are the default
// passwords CWE-1392 is about.
var classicDefaults = map[string]bool{
	"admin": true, "password": true, "changeme": true, "changeit": true, "root": true,
	"default": true, "secret": true, "pass": true, "passw0rd": true, "letmein": true,
	"123456": true, "12345678": true, "guest": true, "administrator": true,
}

// accountCandidate records lit when it is a struct literal with a
// password field set to a string literal.
func (c *checker) accountCandidate(lit *ast.CompositeLit) {
	var pw ast.Expr
	user := ""
	fallback := false
	keyedFields(lit, func(name string, v ast.Expr) {
		if classifyName(name) != credname.Password {
			// A field for the password's hash (PasswordHash,
			// HashedPassword) holds a fixed password only as the hash
			// of one (accounthash.go).
			if passwordHashField(name) {
				if h := c.hashedConstant(v); h != nil {
					pw, fallback = h, false
				}
			}
			return
		}
		if litOf(c.pass.TypesInfo, v) != nil {
			pw, fallback = v, false
		} else if c.fallbackDefault(v) {
			pw, fallback = v, true
		} else if h := c.hashedConstant(v); h != nil {
			pw, fallback = h, false // the hash of a fixed password (accounthash.go)
		}
	})
	keyedFields(lit, func(name string, v ast.Expr) {
		if userField(name) {
			if s, ok := c.constString(v); ok && s != "" {
				user = s
			}
		}
	})
	if pw == nil {
		return
	}
	c.accounts = append(c.accounts, accountLit{lit: lit, password: pw, user: user, fallback: fallback})
}

// fallbackDefault reports whether e is a local variable that some path
// assigns a fixed password literal: the configured password's fallback
// (pw := os.Getenv("ADMIN_PASSWORD"); if pw == "" { pw = "admin" }),
// which every installation that leaves the setting unset shares.
func (c *checker) fallbackDefault(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	for _, o := range c.ix.resolve(e) {
		if o.lit != nil && defaultPassword(o.value) {
			return true
		}
	}
	return false
}

// userField reports a field naming the identity of an account:
// Username, User, Login, Email, Name, UserName, AccountName.
func userField(name string) bool {
	w := credname.Words(name)
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	return userFieldWords[strings.Join(w, "")] || userFieldWords[w[len(w)-1]]
}

// recordArgs notes the struct literals and local variables passed to a
// creating call.
func (c *checker) recordArgs(call *ast.CallExpr) {
	name := ""
	switch fn := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		name = fn.Name
	case *ast.SelectorExpr:
		name = fn.Sel.Name
	}
	if !creatingName(name) {
		return
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		// admin.Create(): the account is the receiver.
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			m := c.pass.TypesInfo.Selections[sel]
			if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && m != nil && m.Kind() == types.MethodVal {
				c.createdVar[v] = name
			}
		}
	}
	for _, a := range call.Args {
		a = ast.Unparen(a)
		if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
			a = ast.Unparen(u.X)
		}
		switch a := a.(type) {
		case *ast.CompositeLit:
			c.createdLit[a] = name
		case *ast.Ident:
			if v, ok := c.pass.TypesInfo.Uses[a].(*types.Var); ok {
				c.createdVar[v] = name
			}
		}
	}
}

// recordAssign notes the local variable a struct literal is stored in
// (account := model.AccountDTO{…}).
func (c *checker) recordAssign(lhs []ast.Expr, rhs []ast.Expr) {
	if len(lhs) != len(rhs) {
		return
	}
	for i, r := range rhs {
		r = ast.Unparen(r)
		if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.AND {
			r = ast.Unparen(u.X)
		}
		cl, ok := r.(*ast.CompositeLit)
		if !ok {
			continue
		}
		id, ok := lhs[i].(*ast.Ident)
		if !ok {
			continue
		}
		obj := c.pass.TypesInfo.Defs[id]
		if obj == nil {
			obj = c.pass.TypesInfo.Uses[id]
		}
		if v, ok := obj.(*types.Var); ok {
			c.litVar[cl] = v
		}
	}
}

// defaultPassword reports whether v, a password literal, is a fixed
// password rather than a stand-in.
func defaultPassword(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" || cryptHashRe.MatchString(v) || templateRe.MatchString(v) {
		return false
	}
	if envNameRe.MatchString(v) && strings.Contains(v, "_") {
		return false
	}
	if classicDefaults[strings.ToLower(v)] {
		// As written: "<password>" is a placeholder, "password" is not.
		return true
	}
	return len(v) >= 3 && !isPlaceholder(v)
}

// weakPassword reports a password that would not pass for a secret
// outside a password field: too short or too plain for a generated key
// ("s3cret", "guest1"), as documented default passwords are.
func weakPassword(v string) bool {
	return !looksSecret(v, false, minEntropy)
}

// defaultAccounts turns the recorded account literals into candidates.
func (c *checker) defaultAccounts() {
	for _, a := range c.accounts {
		if c.inTestSupport(a.lit) || c.inDemoFunc(a.lit.Pos()) {
			continue
		}
		if fakeName(namedKey(c.pass.TypesInfo.TypeOf(a.lit))) {
			continue
		}
		call := c.createdLit[a.lit]
		if v := c.litVar[a.lit]; v != nil {
			if fakeName(v.Name()) {
				continue
			}
			if call == "" {
				call = c.createdVar[v]
			}
		}
		if call == "" && (a.user == "" || a.fallback) {
			continue
		}
		c.reportDefault(a.password, a.user, call, "a username and a fixed password in one literal")
	}
}

// reportDefault records the fixed password value password (of the
// account user, created by call) as a default-account candidate; alone
// says what was seen when no creating call was.
func (c *checker) reportDefault(password ast.Expr, user, call, alone string) {
	for _, o := range c.ix.resolve(password) {
		if o.lit == nil || !defaultPassword(o.value) {
			continue
		}
		if old, taken := c.cands[o.node.Pos()]; taken && !(old.rule == "assignment" && user != "" && weakPassword(o.value)) {
			// Already reported as a secret. A short word-like
			// password beside a fixed user name (telegraf's Tomcat
			// input: "tomcat" / "s3cret", Tomcat's documented example)
			// is the default account it looks like, not a generated
			// secret.
			continue
		}
		msg := "default account credentials"
		if user != "" {
			msg += fmt.Sprintf(" (user %q)", user)
		}
		if call != "" {
			msg += fmt.Sprintf(": an account created by %s with a fixed password", call)
		} else {
			msg += ": " + alone
		}
		msg += fmt.Sprintf(", %s; if it is a documented default, force a change at first login or generate a random one (CWE-1392)", finding.Redact(o.value))
		c.cands[o.node.Pos()] = &cand{o: o, rule: "default-account", prio: prioDefault, msg: msg, noFix: true}
	}
}
