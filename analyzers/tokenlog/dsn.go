package tokenlog

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/credsrc"
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

// dsnName reports whether a variable, field, parameter or environment
// variable name says it holds a database connection string.
func dsnName(name string) bool {
	w := credname.Words(name)
	if len(w) == 0 {
		return false
	}
	last := w[len(w)-1]
	if last == "dsn" || last == "dsns" {
		return true
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
// parameter, package variable or environment variable named as one.
func dsnSource(v ssa.Value) (credsrc.Source, bool) {
	if !credsrc.StringLike(v.Type()) {
		return credsrc.Source{}, false
	}
	what, name := "", ""
	switch v := v.(type) {
	case *ssa.Field:
		if f := credsrc.FieldOf(v.X.Type(), v.Field); f != nil {
			what, name = "field", f.Name()
		}
	case *ssa.UnOp:
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			if f := credsrc.FieldOf(x.X.Type(), x.Field); f != nil {
				what, name = "field", f.Name()
			}
		case *ssa.Global:
			what, name = "package variable", x.Name()
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
	if name == "" || !dsnName(name) {
		return credsrc.Source{}, false
	}
	return dsnDesc(what, name), true
}

// dsnDesc describes a connection string found by its name.
func dsnDesc(what, name string) credsrc.Source {
	return credsrc.Source{Kind: credname.Credential, Desc: fmt.Sprintf("database connection string (with its password) in %s %s", what, name)}
}

// dsnLocal is the name hint for a local variable (see namedLocals).
func dsnLocal(name string, t types.Type) (credsrc.Source, bool) {
	if !credsrc.StringLike(t) || !dsnName(name) {
		return credsrc.Source{}, false
	}
	return dsnDesc("variable", name), true
}
