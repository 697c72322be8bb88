package tokenlog

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"github.com/authvet/authvet/analyzers/internal/textual"
)

// A database connection string carries the database password
// (postgres://app:pw@db/app, "host=db user=app password=pw",
// app:pw@tcp(db)/app), so logging it whole logs the password, whether it
// came from the environment or a configuration file. No credential word
// names it, so the name hint is its own: a DSN, or the URL, URI or string
// of a database or connection (DatabaseURL, DATABASE_URL, dbURI,
// connString, mongoURI, redisURL). Only tokenlog uses it: a literal DSN
// is hardcodedcred's to judge by its password, and a DSN is not a
// credential in a header or comparison. Its redacted or parsed parts
// (url.Redacted, u.Host) are not the string.

// dsnStores name what a connection string connects to.
var dsnStores = map[string]bool{
	"database": true, "db": true, "postgres": true, "postgresql": true, "pg": true, "psql": true,
	"mysql": true, "mariadb": true, "mongo": true, "mongodb": true, "redis": true, "amqp": true,
	"rabbitmq": true, "rabbit": true, "sql": true, "conn": true, "connection": true, "broker": true,
}

// monitorWords name services whose address is also called a DSN (an
// error tracker's, a metrics or tracing collector's): it carries a
// public key or none, never a database password.
var monitorWords = map[string]bool{
	"sentry": true, "raven": true, "bugsnag": true, "statsd": true, "stats": true, "stat": true,
	"metrics": true, "metric": true, "tracing": true, "trace": true, "tracer": true, "telemetry": true,
	"otel": true, "otlp": true, "jaeger": true, "apm": true, "errors": true, "error": true,
}

// ownerIsMonitor reports whether the struct holding a field is named for
// a monitoring service (Stats{DSN}, SentryConfig{DSN}).
func ownerIsMonitor(t types.Type) bool { return ownerNamed(t, monitorWords) }

// ownerNamed reports whether a struct type's name (through a pointer)
// holds one of words.
func ownerNamed(t types.Type, words map[string]bool) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	for _, w := range credname.Words(n.Obj().Name()) {
		if words[w] {
			return true
		}
	}
	return false
}

// dsnName reports whether a variable, field, parameter or environment
// variable name says it holds a database connection string.
func dsnName(name string) bool {
	w := credname.Words(name)
	if len(w) == 0 {
		return false
	}
	last := w[len(w)-1]
	if last == "dsn" || last == "dsns" {
		// SentryDSN, MetricsDSN: a monitoring service's address and
		// public key, not a database's login.
		return len(w) < 2 || !monitorWords[w[len(w)-2]]
	}
	if len(w) < 2 || !dsnStores[w[len(w)-2]] {
		return false
	}
	switch last {
	case "url", "uri", "string", "str":
		return true
	}
	return false
}

// dsnSource is the name hint for connection strings: a string-like field,
// parameter, package variable or environment variable named as one; a
// field named url or uri (or an element of such a list) of a struct
// named for a store (RedisOptions.URL, DBConfig.URI, cosmo's
// RedisCloserOptions.URLs).
func dsnSource(v ssa.Value) (credsrc.Source, bool) {
	if !credsrc.StringLike(v.Type()) {
		return credsrc.Source{}, false
	}
	what, name := "", ""
	var owner types.Type
	switch v := v.(type) {
	case *ssa.Field:
		if f := credsrc.FieldOf(v.X.Type(), v.Field); f != nil && !ownerIsMonitor(v.X.Type()) {
			what, name, owner = "field", f.Name(), v.X.Type()
		}
	case *ssa.UnOp:
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			if f := credsrc.FieldOf(x.X.Type(), x.Field); f != nil && !ownerIsMonitor(x.X.Type()) {
				what, name, owner = "field", f.Name(), x.X.Type()
			}
		case *ssa.Global:
			what, name = "package variable", x.Name()
		case *ssa.IndexAddr:
			// An element of a list field: for _, u := range opts.URLs[1:].
			if f, o := listField(x.X); f != nil && !ownerIsMonitor(o) {
				what, name, owner = "field", f.Name(), o
			}
		}
	case *ssa.Parameter:
		what, name = "parameter", v.Name()
	case *ssa.Call:
		if fn := credsrc.Callee(&v.Call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "os" && (fn.Name() == "Getenv") {
			if s, ok := credsrc.SSAConsts(&v.Call)(0); ok {
				what, name = "environment variable", s
			}
		}
	}
	if name == "" || !(dsnName(name) || storeURLField(name, owner)) || openedAsFile(v) {
		return credsrc.Source{}, false
	}
	return dsnDesc(what, name), true
}

// listField returns the field, and the struct holding it, whose slice
// of strings x is, or is cut from (opts.URLs, opts.URLs[1:]).
func listField(x ssa.Value) (*types.Var, types.Type) {
	if sl, ok := x.(*ssa.Slice); ok {
		x = sl.X
	}
	var f *types.Var
	var owner types.Type
	switch x := x.(type) {
	case *ssa.Field:
		f, owner = credsrc.FieldOf(x.X.Type(), x.Field), x.X.Type()
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok {
			f, owner = credsrc.FieldOf(fa.X.Type(), fa.Field), fa.X.Type()
		}
	}
	if f == nil {
		return nil, nil
	}
	if s, ok := f.Type().Underlying().(*types.Slice); !ok || !credsrc.StringLike(s.Elem()) {
		return nil, nil
	}
	return f, owner
}

// storeURLField reports whether a field named url or uri (urls, uris)
// belongs to a struct named for a store whose URLs carry a login: its
// value is that store's connection string.
func storeURLField(name string, owner types.Type) bool {
	switch strings.ToLower(name) {
	case "url", "urls", "uri", "uris":
		return ownerNamed(owner, loginStores)
	}
	return false
}

// loginStores name the stores whose URLs carry their login as user
// info by custom (redis://user:pw@host, amqp://, postgres://,
// mongodb://). A struct named only "…DB" or "…Database" is not enough:
// telegraf's InfluxDB output keeps its user, password and token in
// fields beside its HTTP URLs.
var loginStores = map[string]bool{
	"postgres": true, "postgresql": true, "pg": true, "psql": true, "mysql": true, "mariadb": true,
	"mongo": true, "mongodb": true, "redis": true, "amqp": true, "rabbitmq": true, "rabbit": true,
}

// openedAsFile reports whether the function opens the connection string
// with an embedded, file-based database (sql.Open("sqlite3", dsn),
// gorm's sqlite.Open(dsn)): its connection string is a file name and
// options, with no password to hold; or whether it takes the string for
// an address of another scheme than a database's (otherSchemeCall). A string shared by several drivers
// is judged where it is opened with one. Every read of the same field
// counts (each c.DSN of a struct parameter is its own SSA value).
func openedAsFile(v ssa.Value) bool {
	return openedFrom(append([]ssa.Value{v}, credsrc.OtherFieldReads(v)...))
}

// maxOpenSteps bounds how far openedFrom follows a connection string.
const maxOpenSteps = 8

// openedFrom reports whether one of the values from, or a value derived
// from them within maxOpenSteps steps, is opened with a file-based
// driver. A step is a phi the value flows into, a string built from it
// (a concatenation, a conversion), the result of a call it is passed to
// or an element of that result, or the parameter of a function with a
// body it is handed: the path cut from "file.db?_pragma=…", expanded and
// opened. A connection string opened with one is a file name whichever
// branch logs it. Each value is visited once, at its fewest steps.
func openedFrom(from []ssa.Value) bool {
	seen := map[ssa.Value]bool{}
	for _, v := range from {
		seen[v] = true
	}
	level := from
	for step := 0; step <= maxOpenSteps && len(level) > 0; step++ {
		var next []ssa.Value
		visit := func(v ssa.Value) {
			if !seen[v] {
				seen[v] = true
				next = append(next, v)
			}
		}
		for _, v := range level {
			refs := v.Referrers()
			if refs == nil {
				continue
			}
			for _, ref := range *refs {
				switch r := ref.(type) {
				case *ssa.Call:
					if fileDriverCall(&r.Call) || otherSchemeCall(&r.Call, v) {
						return true
					}
					visit(r)
					// A function with a body that is handed the
					// string (New(driver, dsn)) opens it in its own
					// body.
					if callee := r.Call.StaticCallee(); callee != nil && len(callee.Blocks) > 0 {
						for i, a := range r.Call.Args {
							if a == v && i < len(callee.Params) {
								visit(callee.Params[i])
							}
						}
					}
				case *ssa.Phi, *ssa.BinOp, *ssa.Extract, *ssa.ChangeType, *ssa.Convert:
					visit(r.(ssa.Value))
				}
			}
		}
		level = next
	}
	return false
}

// noLoginSchemes are URL schemes of local or cloud-native sources whose
// addresses name a file, a bucket, a stream or a socket and carry no
// login: the "data source names" of programs that read logs or objects
// (a bucket's credentials come from the cloud SDK's own configuration).
// Network services that may take user info in the URL (a database,
// Loki, Elasticsearch over http) are not here.
var noLoginSchemes = map[string]bool{
	"file": true, "s3": true, "gs": true, "gcs": true, "azblob": true, "journalctl": true, "docker": true,
	"cloudwatch": true, "kinesis": true, "syslog": true, "stdin": true, "unix": true, "wineventlog": true,
	"k8s": true, "kubernetes": true, "mem": true, "memory": true,
}

// otherSchemeCall reports whether call tests or strips a URL scheme
// prefix of v that names a source without a login (noLoginSchemes:
// strings.HasPrefix(dsn, "s3://"), strings.TrimPrefix(dsn, "file://")):
// the "data source name" of a program reading logs or files
// (crowdsec's file://, s3://, journalctl:// acquisition sources).
func otherSchemeCall(call *ssa.CallCommon, v ssa.Value) bool {
	fn := credsrc.Callee(call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "strings" || len(call.Args) != 2 || call.Args[0] != v {
		return false
	}
	switch fn.Name() {
	case "HasPrefix", "TrimPrefix", "CutPrefix":
	default:
		return false
	}
	c, ok := call.Args[1].(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return false
	}
	scheme, rest, ok := strings.Cut(constant.StringVal(c.Value), "://")
	if !ok || rest != "" || scheme == "" || strings.ToLower(scheme) != scheme {
		return false
	}
	return noLoginSchemes[scheme]
}

// fileDriverCall reports whether call opens a database with a file-based
// driver: a package whose path names SQLite, or a constant driver name
// that does.
func fileDriverCall(call *ssa.CallCommon) bool {
	fn := credsrc.Callee(call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if strings.Contains(fn.Pkg().Path(), "sqlite") {
		return true
	}
	for _, a := range call.Args {
		if c, ok := a.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String &&
			strings.Contains(strings.ToLower(constant.StringVal(c.Value)), "sqlite") {
			return true
		}
	}
	return false
}

// dsnDescPrefix begins the description of a connection string.
const dsnDescPrefix = "database connection string (and any password in it)"

// dsnDesc describes a connection string found by its name.
func dsnDesc(what, name string) credsrc.Source {
	return credsrc.Source{Kind: credname.Credential, Desc: fmt.Sprintf(dsnDescPrefix+" in %s %s", what, name)}
}

// dsnBuiltInSight reports whether a local variable's value is built
// where the analysis sees what goes into it, so that its name says
// nothing the value does not: a string formatted or concatenated in
// place (fmt.Sprintf("host=%s dbname=%s user=%s", ...) holds a password
// only through an argument, which is followed as any credential is), or
// the result of a function of the package being analyzed, whose body
// decides what it returns (connString(true) built with the password
// masked). A connection string read from the environment, a
// configuration field, a parameter or a call out of sight keeps the
// name hint.
func dsnBuiltInSight(pass *analysis.Pass, rhs ast.Expr) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok {
		return true // a literal, concatenation or field: no call the hint anchors at
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == pass.Pkg {
		return true
	}
	if fn.Pkg().Path() == "strings" && (fn.Name() == "TrimPrefix" || fn.Name() == "CutPrefix") && len(call.Args) == 2 {
		// dsn = strings.TrimPrefix(dsn, "file://"): the rest of a
		// source address with no login (noLoginSchemes).
		if c, ok := textual.ConstString(pass.TypesInfo, call.Args[1]); ok {
			if scheme, rest, ok := strings.Cut(c, "://"); ok && rest == "" && noLoginSchemes[scheme] {
				return true
			}
		}
	}
	if fn.Pkg().Path() == "fmt" {
		switch fn.Name() {
		case "Sprintf", "Sprint", "Sprintln":
			return true
		}
	}
	return false
}

// dsnLocal is the name hint for a local variable (see namedLocals).
func dsnLocal(name string, t types.Type) (credsrc.Source, bool) {
	if !credsrc.StringLike(t) || !dsnName(name) {
		return credsrc.Source{}, false
	}
	return dsnDesc("variable", name), true
}
