package hardcodedcred

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"net/url"
	"regexp"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/keyformats"
	"github.com/authvet/authvet/internal/pubexample"
)

// classify is the provider-specific rules of gitleaks' default config,
// generated into keyformats (each rule compiled once per process, at its
// first use), so that the analyzer does not link gitleaks. It is a
// variable so that tests can count calls; run never assigns it.
var classify = keyformats.Classify

// knownFormats classifies every string literal of the package with the
// gitleaks rules, and checks URLs for userinfo passwords and credential
// query parameters.
func (c *checker) knownFormats() {
	for _, lit := range c.lits {
		o := c.ix.resolve(lit)
		if len(o) != 1 {
			continue
		}
		c.knownFormat(o[0])
		c.urlCredentials(o[0])
		c.azureKeys(o[0])
	}
	c.knownConcats()
}

// concat records an outermost constant string concatenation.
func (c *checker) concat(n *ast.BinaryExpr) {
	if n.Op != token.ADD || c.inner[n] {
		return
	}
	tv, ok := c.pass.TypesInfo.Types[n]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	if c.inner == nil {
		c.inner = map[ast.Expr]bool{}
	}
	var mark func(e ast.Expr)
	mark = func(e ast.Expr) {
		if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
			c.inner[b] = true
			mark(b.X)
			mark(b.Y)
		}
	}
	mark(n.X)
	mark(n.Y)
	c.concats = append(c.concats, n)
}

// knownConcats classifies the folded value of each constant
// concatenation: a PEM private key assembled from a header, a body and a
// footer constant is a key although no literal holds it whole. A key
// that one operand holds alone, a literal or a named constant, was
// reported at that literal (once, where it is written).
func (c *checker) knownConcats() {
	for _, n := range c.concats {
		reported := false
		ast.Inspect(n, func(m ast.Node) bool {
			if m != nil && m != ast.Node(n) {
				if cd, ok := c.cands[m.Pos()]; ok && cd.prio >= prioKnown {
					reported = true
				}
				if id, ok := m.(*ast.Ident); ok && !reported {
					// "token " + githubToken: the named constant's
					// literal holds the key alone and was reported
					// where it is written.
					for _, o := range c.ix.resolve(id) {
						if o.lit == nil {
							continue
						}
						if cd, ok := c.cands[o.lit.Pos()]; ok && cd.prio >= prioKnown {
							reported = true
						}
					}
				}
			}
			return !reported
		})
		if reported {
			continue
		}
		v := constant.StringVal(c.pass.TypesInfo.Types[n].Value)
		c.knownFormat(origin{node: n, value: v, inConst: true})
		if cd, ok := c.cands[n.Pos()]; !ok || cd.rule != "known-format" || cd.o.node != ast.Node(n) {
			continue
		}
		// The key is reported once, at the concatenation: its parts,
		// which the assignment rule may have judged one by one, are
		// that key.
		for _, o := range c.ix.resolve(n) {
			if o.lit == nil || o.lit.Pos() == n.Pos() {
				continue
			}
			if cd, ok := c.cands[o.lit.Pos()]; ok && cd.prio < prioKnown {
				delete(c.cands, o.lit.Pos())
			}
		}
	}
}

// knownFormat reports a literal whose value holds a key in a provider's
// format. The value is classified alone first; if no specific rule
// matches and the literal is stored under a name, it is classified again
// as `name = "value"`, which is the context keyword-gated rules (e.g.
// heroku-api-key, twilio, datadog) look for. generic-api-key matches are
// left to the assignment rule, which judges names with type information
// and values with its own thresholds.
func (c *checker) knownFormat(o origin) {
	if old, ok := c.cands[o.node.Pos()]; ok && old.prio >= prioKnown {
		return
	}
	if fakeName(c.names[o.lit]) || (o.via != nil && fakeName(o.via.Name())) {
		return
	}
	v := o.value
	if longestToken(v) < minTokenRun {
		return
	}
	m, ok := specificMatch(v, classify(v), 0)
	if !ok {
		if name := c.names[o.lit]; name != "" {
			ctx := name + ` = "`
			m, ok = specificMatch(v, classify(ctx+v+`"`), len(ctx))
		}
	}
	if !ok {
		return
	}
	what := fmt.Sprintf("credential matching gitleaks rule %s", m.RuleID)
	if m.Provider != "" {
		what = fmt.Sprintf("%s credential matching gitleaks rule %s", m.Provider, m.RuleID)
	}
	key := o.node.Pos()
	// The fix's variable is named after the const or var holding the
	// literal, else after the sink or name it is stored under, else after
	// the gitleaks rule.
	env := strings.ToUpper(strings.ReplaceAll(m.RuleID, "-", "_"))
	if name := c.names[o.lit]; name != "" {
		env = name
	}
	scheme := ""
	if old, ok := c.cands[key]; ok {
		scheme = old.scheme
		if old.envName != "" {
			env = old.envName
		}
	}
	if o.via != nil {
		env = o.via.Name()
	}
	secret := v[m.Start:m.End]
	o2 := o
	o2.value = secret
	// A key inside a long literal (a generated API document, a
	// template) is reported where it is, not at the literal's first
	// line: the key's text is looked up in the literal's source.
	var at, atEnd token.Pos
	if o.lit != nil && o.node == ast.Node(o.lit) && o.lit.Value != "" {
		if i := strings.Index(o.lit.Value, secret); i >= 0 && strings.Contains(o.lit.Value[:i], "\n") {
			at = o.lit.Pos() + token.Pos(i)
			atEnd = at + token.Pos(len(secret))
		}
	}
	c.cands[key] = &cand{o: o2, rule: "known-format", prio: prioKnown, msg: describe(what, o2), envName: env, scheme: scheme, at: at, atEnd: atEnd,
		// A fix replaces the whole literal: only offer it when the key is
		// the whole value (after an Authorization scheme).
		noFix: strings.TrimSpace(strings.TrimPrefix(v, scheme)) != secret}
}

// specificMatch returns the first match (keyformats has provider-specific
// rules only) that lies within the value (offset is where the value starts
// in the classified text) and is not a placeholder.
func specificMatch(v string, ms []keyformats.Match, offset int) (keyformats.Match, bool) {
	for _, m := range ms {
		m.Start -= offset
		m.End -= offset
		if m.Start < 0 || m.End > len(v) || m.Start >= m.End {
			continue
		}
		if isPlaceholder(v[m.Start:m.End]) {
			continue
		}
		if _, published := pubexample.Lookup(v[m.Start:m.End]); published {
			continue // jwt.io's sample token in API docs grants nothing
		}
		return m, true
	}
	return keyformats.Match{}, false
}

// urlCredentials reports URLs with a password in their userinfo
// (https://user:pass@host, postgres://app:pw@db/app) and URLs or query
// strings with a credential parameter (?api_key=…). Both need a
// secret-looking value: documentation DSNs use "user:password",
// "postgres:postgres" and the like.
func (c *checker) urlCredentials(o origin) {
	if old, ok := c.cands[o.node.Pos()]; ok && old.prio >= prioSink {
		return
	}
	if user, pw, ok := dsnPassword(o.value); ok && pw != user && looksSecret(pw, true, minEntropy) {
		o2 := o
		o2.value = pw
		c.cands[o.node.Pos()] = &cand{o: o2, rule: "sink", prio: prioSink, msg: describe("password in database DSN", o2), noFix: true}
		return
	}
	if account, pw, ok := sqlPassword(o.value); ok && pw != account && looksSecret(pw, true, minEntropy) {
		// CREATE ROLE … PASSWORD '…' (sqlpass.go).
		o2 := o
		o2.value = pw
		c.cands[o.node.Pos()] = &cand{o: o2, rule: "sink", prio: prioSink, msg: describe("password set for database account "+account+" in SQL text", o2), noFix: true}
		return
	}
	// URLs hold no white space; text that does is prose or a command line.
	v := strings.TrimSpace(o.value)
	if strings.ContainsAny(v, " \t\n") {
		return
	}
	if user, pw, ok := urlPassword(v); ok && pw != user && looksSecret(pw, true, minEntropy) {
		o2 := o
		o2.value = pw
		c.cands[o.node.Pos()] = &cand{o: o2, rule: "sink", prio: prioSink, msg: describe("password in URL userinfo", o2), noFix: true}
		return
	}
	q := ""
	if i := strings.Index(v, "?"); i >= 0 && (strings.Contains(v[:i], "://") || strings.HasPrefix(v, "/") || i == 0) {
		q = v[i+1:]
	}
	if q == "" {
		return
	}
	vals, err := url.ParseQuery(q)
	if err != nil {
		return
	}
	for name, vs := range vals {
		if !credname.IsCredentialParam(name) || len(vs) == 0 {
			continue
		}
		if looksSecret(vs[0], false, minEntropy) {
			o2 := o
			o2.value = vs[0]
			c.cands[o.node.Pos()] = &cand{o: o2, rule: "sink", prio: prioSink, msg: describe("credential in URL query parameter "+name, o2), noFix: true}
			return
		}
	}
}

// minTokenRun is the shortest run of non-space characters a literal must
// hold to be classified: every gitleaks default rule's secret is a
// contiguous token of at least 10 characters (PEM blocks start with
// "-----BEGIN"), so sentences of short words, which are most string
// literals, skip the detector.
const minTokenRun = 10

func longestToken(s string) int {
	best, cur := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			cur = 0
		default:
			cur++
			if cur > best {
				best = cur
			}
		}
	}
	return best
}

// mysqlDSNRe matches a go-sql-driver/mysql DSN with a password:
// "user:pass@tcp(host:3306)/db".
var mysqlDSNRe = regexp.MustCompile(`^([^:@/\s]+):([^@\s]+)@(tcp|unix|udp)?\(`)

// pgPasswordRe matches the password of a libpq key/value connection
// string: "host=db user=app password=s3cr3t dbname=app".
var pgPasswordRe = regexp.MustCompile(`(?:^|\s)password=('[^']*'|\S+)`)
var pgUserRe = regexp.MustCompile(`(?:^|\s)user=('[^']*'|\S+)`)

// dsnPassword returns the user and password of a database connection
// string that is not a URL.
func dsnPassword(v string) (user, pass string, ok bool) {
	if m := mysqlDSNRe.FindStringSubmatch(v); m != nil {
		return m[1], m[2], true
	}
	if m := pgPasswordRe.FindStringSubmatch(v); m != nil && (strings.Contains(v, "host=") || strings.Contains(v, "dbname=") || strings.Contains(v, "user=")) {
		if u := pgUserRe.FindStringSubmatch(v); u != nil {
			user = strings.Trim(u[1], "'")
		}
		return user, strings.Trim(m[1], "'"), true
	}
	return "", "", false
}
