package hardcodedcred_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/authvet/authvet/analyzers/hardcodedcred"
)

// corpusPkg is the source of one generated package: a small API client
// and handler of the kind a service repository holds, reading its
// credentials from the environment, with URL constants, headers, log
// messages and credential-named identifiers that must stay silent. Every
// tenth package also hardcodes a key, so the reporting path is measured
// too.
const corpusPkg = `package %[1]s

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

const (
	tokenURL      = "https://auth.internal.corp/%[1]s/oauth/token"
	apiKeyHeader  = "X-API-Key"
	secretName    = "prod/%[1]s/api-key"
	defaultTimout = 30 * time.Second
)

var hardcoded = %[2]q

type Config struct {
	BaseURL  string   ` + "`json:\"base_url\"`" + `
	APIKey   string   ` + "`json:\"api_key\" env:\"API_KEY\"`" + `
	Password string   ` + "`json:\"password\"`" + `
	Scopes   []string ` + "`json:\"scopes\"`" + `
}

type Client struct {
	cfg  Config
	http *http.Client
}

func New() (*Client, error) {
	cfg := Config{
		BaseURL:  "https://api.%[1]s.internal.corp/v1",
		APIKey:   os.Getenv("%[3]s_API_KEY"),
		Password: os.Getenv("%[3]s_PASSWORD"),
		Scopes:   []string{"read", "write"},
	}
	if cfg.APIKey == "" {
		return nil, fmt.Errorf("%[1]s: API key not set (export %[3]s_API_KEY)")
	}
	return &Client{cfg: cfg, http: &http.Client{Timeout: defaultTimout}}, nil
}

func (c *Client) Get(path string, q url.Values) (map[string]any, error) {
	u := c.cfg.BaseURL + "/" + strings.TrimPrefix(path, "/")
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set(apiKeyHeader, c.cfg.APIKey)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "%[1]s-client/1.0")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("GET %%s: %%w", u, err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	log.Printf("%[1]s: GET %%s -> %%d", path, resp.StatusCode)
	return out, nil
}

func (c *Client) Handler(w http.ResponseWriter, r *http.Request) {
	token := r.Header.Get("Authorization")
	if token == "" || !strings.HasPrefix(token, "Bearer ") {
		http.Error(w, "missing bearer token", http.StatusUnauthorized)
		return
	}
	switch r.URL.Query().Get("format") {
	case "json", "":
		w.Header().Set("Content-Type", "application/json")
	default:
		http.Error(w, "unsupported format", http.StatusBadRequest)
	}
	_ = json.NewEncoder(w).Encode(map[string]string{"status": "ok", "secretName": secretName, "tokenURL": tokenURL, "h": hardcoded})
}
`

// writeCorpus writes a module of n packages into dir.
func writeCorpus(tb testing.TB, dir string, n int) {
	tb.Helper()
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/corpus\n\ngo 1.22\n"), 0o644))
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("svc%03d", i)
		val := "application/json"
		if i%10 == 0 {
			val = fmt.Sprintf("ghp_R7aXk2Qm9LpZ4vT8wYc1Nb6Hd3Jf5Ge%05d", i)
		}
		pdir := filepath.Join(dir, name)
		must(os.MkdirAll(pdir, 0o755))
		src := fmt.Sprintf(corpusPkg, name, val, strings.ToUpper(name))
		must(os.WriteFile(filepath.Join(pdir, "client.go"), []byte(src), 0o644))
	}
}

// BenchmarkCorpus runs hardcodedcred over a generated module of 200
// packages. Loading is outside the timer; each iteration is one
// checker.Analyze of all packages, as the driver does. The gitleaks rules
// are compiled before the timer starts (the first package of the first
// run would otherwise pay for it): allocs/op therefore shows the
// per-package cost, which would include ~125k allocations per package if
// the rules were compiled per package.
func BenchmarkCorpus(b *testing.B) {
	dir := b.TempDir()
	writeCorpus(b, dir, 200)
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes |
			packages.NeedTypesInfo | packages.NeedTypesSizes | packages.NeedImports | packages.NeedModule,
		Dir: dir,
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		b.Fatal(err)
	}
	if len(pkgs) != 200 || packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("loaded %d packages, want 200", len(pkgs))
	}
	analyze := func() int {
		g, err := checker.Analyze([]*analysis.Analyzer{hardcodedcred.Analyzer}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for act := range g.All() {
			if act.Err != nil {
				b.Fatal(act.Err)
			}
			if act.Analyzer == hardcodedcred.Analyzer {
				n += len(act.Diagnostics)
			}
		}
		return n
	}
	if got := analyze(); got != 20 {
		b.Fatalf("corpus gave %d findings, want 20 (one per tenth package)", got)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		analyze()
	}
}
