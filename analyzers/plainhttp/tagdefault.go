package plainhttp

import (
	"go/types"
	"reflect"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/loopback"
)

// Settings whose declared default is the machine itself. A
// configuration struct loaded by a defaults library (creasty/defaults,
// caarlos0/env, cleanenv) states its default in the field's tag:
// Proxy.Host `default:"127.0.0.1"` is the address of a proxy the program
// itself starts on the loopback interface (kubeshark's CLI dialled
// ws://<Proxy.Host>:<port> with its token, through its own port-forward
// to the cluster). A URL built on that host reaches the local machine
// unless a user points the setting elsewhere, so it is judged as
// loopback; a field whose default is a remote host, or that declares
// none, stays a host known only at run time.

// defaultTagKeys are the struct tag keys that declare a field's
// default: creasty/defaults and mcuadros/go-defaults (default),
// caarlos0/env (envDefault), ilyakaznacheev/cleanenv (env-default).
var defaultTagKeys = []string{"default", "envDefault", "env-default"}

// loopbackDefault reports whether sel, a field selection, selects a
// field whose tag declares a default on the loopback interface.
func loopbackDefault(sel *types.Selection) bool {
	if sel == nil || sel.Kind() != types.FieldVal {
		return false
	}
	tag, ok := selectedTag(sel)
	if !ok {
		return false
	}
	for _, k := range defaultTagKeys {
		if d, ok := reflect.StructTag(tag).Lookup(k); ok && d != "" {
			return loopback.Host(hostOfDefault(d))
		}
	}
	return false
}

// selectedTag returns the tag of the field sel selects, following the
// selection's path through embedded fields.
func selectedTag(sel *types.Selection) (string, bool) {
	t := sel.Recv()
	path := sel.Index()
	for i, idx := range path {
		st := structWith(t, idx) // tlsvalue.go
		if st == nil {
			return "", false
		}
		if i == len(path)-1 {
			return st.Tag(idx), true
		}
		t = st.Field(idx).Type()
	}
	return "", false
}

// hostOfDefault is the host of a default that is a host, a host and
// port, or a URL: "127.0.0.1", "localhost:8080", "http://[::1]:9000/x".
func hostOfDefault(d string) string {
	d = strings.TrimSpace(d)
	if i := strings.Index(d, "://"); i >= 0 {
		d = d[i+3:]
	}
	if i := strings.IndexAny(d, "/?#"); i >= 0 {
		d = d[:i]
	}
	if i := strings.LastIndexByte(d, '@'); i >= 0 {
		d = d[i+1:]
	}
	if strings.HasPrefix(d, "[") {
		if i := strings.IndexByte(d, ']'); i > 0 {
			return d[1:i]
		}
	}
	if strings.Count(d, ":") == 1 {
		d = d[:strings.IndexByte(d, ':')]
	}
	return d
}
