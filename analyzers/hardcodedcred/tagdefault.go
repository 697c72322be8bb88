package hardcodedcred

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/internal/finding"
)

// Defaults in struct tags. Configuration loaders fill a field that no
// file or variable sets from its tag (creasty/defaults' and kong's
// default:"…", caarlos0/env's envDefault:"…", cleanenv's env-default:"…"):
//
//	type SeedConfig struct {
//		AdminEmail    string `default:"admin@example.com"`
//		AdminPassword string `default:"Admin123!!"`
//	}
//
// A password field of an account (a name with admin, root, owner,
// initial, default, bootstrap or seed in it, or a struct that also gives
// a user name or email a default) with such a default is a default
// account's password: every installation that does not set it has it.
// A client's password (a database, SMTP or LDAP connection's) is the
// other side's, left alone as the account rule leaves client
// configurations; placeholders and empty defaults too. Whatever the
// field, a secret-looking default under a credential name (an API key,
// a token) is judged as an assignment to that name.

// tagDefaultKeys are the struct tag keys configuration loaders read a
// default value from.
var tagDefaultKeys = []string{"default", "envDefault", "env-default"}

// (go-envconfig's env:"NAME,default=value" is read by tagDefault too.)

// tagDefault returns a field tag's default value and where it starts in
// the tag literal's text.
func tagDefault(tag *ast.BasicLit) (string, int, bool) {
	raw, err := strconv.Unquote(tag.Value)
	if err != nil {
		return "", 0, false
	}
	st := reflect.StructTag(raw)
	for _, k := range tagDefaultKeys {
		v, ok := st.Lookup(k)
		if !ok || v == "" {
			continue
		}
		i := strings.Index(tag.Value, k+`:"`)
		if i < 0 {
			continue
		}
		return v, i + len(k) + 2, true
	}
	// go-envconfig: env:"NAME,default=value", the default last.
	if v, ok := st.Lookup("env"); ok {
		if _, d, found := strings.Cut(v, ",default="); found && d != "" {
			if i := strings.Index(tag.Value, ",default="+d); i >= 0 {
				return d, i + len(",default="), true
			}
		}
	}
	return "", 0, false
}

// accountWords in a password field's name say whose password it is: an
// account the program creates.
var accountWords = map[string]bool{"admin": true, "administrator": true, "root": true, "owner": true, "initial": true, "default": true, "bootstrap": true, "seed": true, "superuser": true}

// clientWords in a field's name say the password is a client's, for a
// server out of the program.
var clientWords = map[string]bool{"db": true, "database": true, "postgres": true, "postgresql": true, "pg": true, "mysql": true, "mariadb": true, "redis": true, "mongo": true, "mongodb": true, "smtp": true, "mail": true, "ldap": true, "bind": true, "amqp": true, "rabbitmq": true, "kafka": true, "nats": true, "proxy": true, "upstream": true}

// tagDefaults records the default passwords of account fields of a
// struct type.
func (c *checker) tagDefaults(st *ast.StructType) {
	if st.Fields == nil || c.inTestSupport(st) {
		return
	}
	userDefault := false
	for _, f := range st.Fields.List {
		if f.Tag == nil {
			continue
		}
		if _, _, ok := tagDefault(f.Tag); !ok {
			continue
		}
		for _, id := range f.Names {
			for _, w := range credname.Words(id.Name) {
				if w == "user" || w == "username" || w == "email" || w == "login" {
					userDefault = true
				}
			}
		}
	}
	for _, f := range st.Fields.List {
		if f.Tag == nil || len(f.Names) != 1 || !isStringish(c.pass.TypesInfo.TypeOf(f.Type)) {
			continue
		}
		name := f.Names[0].Name
		kind := classifyName(name)
		if t, ok := c.pass.TypesInfo.TypeOf(st).(*types.Struct); ok && keyBesideSecret(t, name) {
			continue // keypair.go
		}
		v, at, ok := tagDefault(f.Tag)
		if kind == credname.None || !ok {
			continue
		}
		add := func(rule string, prio int, msg string) {
			start := f.Tag.Pos() + token.Pos(at)
			c.cands[f.Tag.Pos()] = &cand{
				o:    origin{lit: f.Tag, node: f.Tag, value: v},
				rule: rule, prio: prio, msg: msg, noFix: true,
				at: start, atEnd: start + token.Pos(len(v)),
			}
		}
		if strictFor(kind)(v) && !nameValue(v, name) {
			// A secret-looking default under a credential name:
			// compiled into every build that does not set it.
			add("assignment", prioAssignment, fmt.Sprintf("%s in the default of field %s in its struct tag is a string literal: %s", kind, name, finding.Redact(v)))
			continue
		}
		if kind != credname.Password || !defaultPassword(v) {
			continue
		}
		account, client := false, false
		for _, w := range credname.Words(name) {
			account = account || accountWords[w]
			client = client || clientWords[w]
		}
		if client || !account && !userDefault {
			continue
		}
		add("default-account", prioDefault, fmt.Sprintf("default account credentials: the default of field %s in its struct tag, the password of every installation that does not set it, %s; force a change at first login or generate a random one (CWE-1392)", name, finding.Redact(v)))
	}
}
