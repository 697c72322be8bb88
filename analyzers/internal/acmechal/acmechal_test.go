package acmechal

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestIsPackage(t *testing.T) {
	for path, want := range map[string]bool{
		"golang.org/x/crypto/acme":                               true,
		"golang.org/x/crypto/acme/autocert":                      true,
		"github.com/mholt/acmez/v3/acme":                         true,
		"github.com/smallstep/certificates/acme/db/nosql":        true,
		"github.com/go-acme/lego/v4/acme":                        true,
		"github.com/go-acme/lego/v4/challenge/dns01":             false,
		"github.com/go-acme/lego/v4/providers/dns/dode/internal": false,
		"github.com/example/acmeclient":                          false,
		"github.com/example/legoland/challenge":                  false,
		"example.com/auth":                                       false,
	} {
		if got := IsPackage(path); got != want {
			t.Errorf("IsPackage(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestPublicName(t *testing.T) {
	for name, want := range map[string]bool{
		"Token": true, "token": true, "KeyAuthorization": true, "keyAuth": true,
		"key_auth": true, "chToken": true, "ChallengeToken": true,
		"AccessToken": false, "HMACKey": false, "Password": false, "Key": false, "tokens": false,
	} {
		if got := publicName(name); got != want {
			t.Errorf("publicName(%q) = %v, want %v", name, got, want)
		}
	}
}

// check type-checks src as package path, importing from the standard
// library only.
func check(t *testing.T, path, src string) (*types.Package, *types.Info, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check(path, fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return pkg, info, f
}

func TestPublicField(t *testing.T) {
	src := `package p
type Challenge struct{ Token, KeyAuthorization, URL string }
type Account struct{ Password string }
type DNSConfig struct{ Token string; KeyAuth string }
type dbAuthz struct{ Token string }
type HTTP01Solver struct{ Domain, Token, Key string }
type TLSALPN01Provider struct{ Token string }
type DNS01Solver struct{ Token string }
type CloudflareSolver struct{ Token string }
`
	for _, c := range []struct {
		path, typ, field string
		want             bool
	}{
		{"example.com/acme", "Challenge", "Token", true},
		{"example.com/acme", "Challenge", "KeyAuthorization", true},
		{"example.com/acme", "Challenge", "URL", false},
		{"example.com/acme", "Account", "Password", false},
		{"example.com/store", "Challenge", "Token", false},
		{"example.com/acme", "DNSConfig", "Token", false},
		{"example.com/acme", "dbAuthz", "Token", true},
		{"example.com/acme", "DNSConfig", "KeyAuth", true},
		{"example.com/acme/http/solver", "HTTP01Solver", "Token", true},
		{"example.com/acme", "TLSALPN01Provider", "Token", true},
		{"example.com/acme", "DNS01Solver", "Token", false},
		{"example.com/acme", "CloudflareSolver", "Token", false},
		{"example.com/solver", "HTTP01Solver", "Token", false},
	} {
		pkg, _, _ := check(t, c.path, src)
		st := pkg.Scope().Lookup(c.typ).Type().Underlying().(*types.Struct)
		var f *types.Var
		for v := range st.Fields() {
			if v.Name() == c.field {
				f = v
			}
		}
		if got := PublicField(f, c.typ); got != c.want {
			t.Errorf("PublicField(%s.%s.%s) = %v, want %v", c.path, c.typ, c.field, got, c.want)
		}
	}
}

func TestServesHTTP01(t *testing.T) {
	src := `package p
import "strings"
const prefix = "/.well-known/acme-challenge/"
func serve(path string) string { return strings.TrimPrefix(path, prefix) }
func reset(path string) string { return strings.TrimPrefix(path, "/reset/") }
func bare(path string) bool { return path == "/.well-known/acme-challenge" }
`
	_, info, f := check(t, "example.com/p", src)
	want := map[string]bool{"serve": true, "reset": false, "bare": true}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		if got := ServesHTTP01(info, fd.Body); got != want[fd.Name.Name] {
			t.Errorf("ServesHTTP01(%s) = %v, want %v", fd.Name.Name, got, want[fd.Name.Name])
		}
	}
}
