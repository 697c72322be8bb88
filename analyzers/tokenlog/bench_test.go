//go:build unix

package tokenlog_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/authvet/authvet/analyzers/tokenlog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/assign"
	"golang.org/x/tools/go/analysis/passes/atomic"
	"golang.org/x/tools/go/analysis/passes/bools"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/composite"
	"golang.org/x/tools/go/analysis/passes/copylock"
	"golang.org/x/tools/go/analysis/passes/httpresponse"
	"golang.org/x/tools/go/analysis/passes/loopclosure"
	"golang.org/x/tools/go/analysis/passes/nilfunc"
	"golang.org/x/tools/go/analysis/passes/shift"
	"golang.org/x/tools/go/analysis/passes/stdmethods"
	"golang.org/x/tools/go/analysis/passes/stringintconv"
	"golang.org/x/tools/go/analysis/passes/structtag"
	"golang.org/x/tools/go/analysis/passes/unmarshal"
	"golang.org/x/tools/go/analysis/passes/unreachable"
	"golang.org/x/tools/go/analysis/passes/unusedresult"
	"golang.org/x/tools/go/packages"
)

// benchPackages is the size of the generated corpus, as in the
// foundation issue's lint benchmark.
const benchPackages = 200

// writeCorpus generates a module of n packages of realistic service
// code: HTTP handlers reading headers and query parameters, config
// structs, logging wrappers, helpers with loops, maps and closures, and
// an import of the previous package's wrapper so that facts flow along
// chains of up to ten packages.
func writeCorpus(tb testing.TB, dir string, n int) {
	tb.Helper()
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module corpus\n\ngo 1.26\n"), 0o644))
	for i := 0; i < n; i++ {
		pdir := filepath.Join(dir, fmt.Sprintf("p%03d", i))
		must(os.MkdirAll(pdir, 0o755))
		prev := ""
		if i%10 != 0 {
			prev = fmt.Sprintf("p%03d", i-1)
		}
		for name, src := range corpusFiles(i, prev) {
			must(os.WriteFile(filepath.Join(pdir, name), []byte(src), 0o644))
		}
	}
}

func corpusFiles(i int, prev string) map[string]string {
	pkg := fmt.Sprintf("p%03d", i)
	imp, use := "", "debugf"
	if prev != "" {
		imp = fmt.Sprintf("\t%q\n", "corpus/"+prev)
		use = prev + ".Debugf"
	}
	// One package in seven has a deliberate leak; the others log the
	// key's length.
	leak := `log.Printf("create with key of %d bytes", len(key))`
	if i%7 == 0 {
		leak = `log.Printf("create with key %s", key)`
	}
	handler := fmt.Sprintf(`package %[1]s

import (
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
%[2]s)

type Server struct {
	cfg   Config
	log   *slog.Logger
	store map[string]*Item
	hits  int
}

type Item struct {
	ID      string    `+"`json:\"id\"`"+`
	Owner   string    `+"`json:\"owner\"`"+`
	Created time.Time `+"`json:\"created\"`"+`
	Tags    []string  `+"`json:\"tags\"`"+`
}

func (s *Server) Get(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if tok == "" {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	id := r.URL.Query().Get("id")
	item, ok := s.store[id]
	if !ok {
		s.log.Info("not found", "id", id, "path", r.URL.Path)
		http.NotFound(w, r)
		return
	}
	s.hits++
	%[3]s("served %%s in %%v for token of %%d bytes", id, time.Since(start), len(tok))
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(item); err != nil {
		log.Printf("encode %%s: %%v", id, err)
	}
}

func (s *Server) List(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 {
		limit = 10
	}
	owner := r.Header.Get("X-Owner")
	var out []*Item
	for _, it := range s.store {
		if it.Owner != owner {
			continue
		}
		out = append(out, it)
		if len(out) >= limit {
			break
		}
	}
	s.log.Debug("list", "owner", owner, "n", len(out))
	_ = json.NewEncoder(w).Encode(out)
}

func (s *Server) Create(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-API-Key")
	%[4]s
	var it Item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		http.Error(w, fmt.Sprintf("bad body: %%v", err), http.StatusBadRequest)
		return
	}
	it.Created = time.Now()
	it.Tags = normalize(it.Tags)
	s.store[it.ID] = &it
	w.WriteHeader(http.StatusCreated)
}
`, pkg, imp, use, leak)
	config := fmt.Sprintf(`package %[1]s

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

type Config struct {
	Addr        string
	DBHost      string
	DBUser      string
	DBPassword  string
	TokenURL    string
	Timeout     time.Duration
	MaxItems    int
}

func (c Config) String() string {
	return fmt.Sprintf("addr=%%s db=%%s@%%s", c.Addr, c.DBUser, c.DBHost)
}

func Load() (Config, error) {
	c := Config{
		Addr:       env("ADDR", ":8080"),
		DBHost:     env("DB_HOST", "localhost"),
		DBUser:     env("DB_USER", "app"),
		DBPassword: os.Getenv("DB_PASSWORD"),
		TokenURL:   env("TOKEN_URL", "https://auth.example.com/token"),
		Timeout:    5 * time.Second,
		MaxItems:   100,
	}
	if c.DBPassword == "" {
		return c, errors.New("DB_PASSWORD is not set")
	}
	if strings.HasPrefix(c.Addr, "http") {
		return c, fmt.Errorf("addr %%q is a URL", c.Addr)
	}
	return c, nil
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}
`, pkg)
	util := fmt.Sprintf(`package %[1]s

import (
	"log"
	"sort"
	"strings"
	"sync"
)

// Debugf logs a debug line.
func Debugf(format string, args ...any) {
	debugf(format, args...)
}

func debugf(format string, args ...any) {
	log.Printf("[%[1]s] "+format, args...)
}

func normalize(tags []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range tags {
		t = strings.ToLower(strings.TrimSpace(t))
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

type cache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *cache) get(k string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *cache) put(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]string{}
	}
	c.m[k] = v
}

func (c *cache) each(f func(k, v string)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.m))
	for k := range c.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f(k, c.m[k])
	}
}

func join(parts ...string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(p)
	}
	return b.String()
}
`, pkg)
	return map[string]string{"handler.go": handler, "config.go": config, "util.go": util}
}

// loadCorpus generates the corpus and loads it once, the way the
// driver does: analyzed packages from source, dependencies from export
// data.
func loadCorpus(b *testing.B) []*packages.Package {
	dir := b.TempDir()
	writeCorpus(b, dir, benchPackages)
	// As the driver (internal/lint) loads: analyzed packages from
	// source, dependencies from export data. TOKENLOG_BENCH_SOURCE_DEPS
	// loads dependencies from source too, as go/analysis drivers that
	// need facts from them do.
	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Dir: dir, Tests: false}
	if os.Getenv("TOKENLOG_BENCH_SOURCE_DEPS") != "" {
		cfg.Mode |= packages.NeedDeps
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		b.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		b.Fatalf("%d load errors", n)
	}
	if len(pkgs) != benchPackages {
		b.Fatalf("loaded %d packages, want %d", len(pkgs), benchPackages)
	}
	return pkgs
}

// nonSSA is a baseline of analyzers that do not need SSA: the
// inspect-based passes go vet runs. printf is left out: it uses facts
// and needs type information for dependencies, which the driver's
// export-data load does not give (it panics in refactor/satisfy).
var nonSSA = []*analysis.Analyzer{
	assign.Analyzer, atomic.Analyzer, bools.Analyzer, composite.Analyzer,
	copylock.Analyzer, httpresponse.Analyzer, loopclosure.Analyzer,
	nilfunc.Analyzer, shift.Analyzer, stdmethods.Analyzer,
	stringintconv.Analyzer, structtag.Analyzer, unmarshal.Analyzer,
	unreachable.Analyzer, unusedresult.Analyzer,
}

func benchAnalyze(b *testing.B, analyzers []*analysis.Analyzer) {
	pkgs := loadCorpus(b)
	b.ReportAllocs()
	b.ResetTimer()
	findings := 0
	// The machine running the benchmarks may be shared, so CPU time is
	// reported beside wall time: it is what the ratio should be read
	// from.
	cpu0 := cpuTime()
	for b.Loop() {
		g, err := checker.Analyze(analyzers, pkgs, &checker.Options{})
		if err != nil {
			b.Fatal(err)
		}
		findings = 0
		for act := range g.All() {
			if act.Err != nil {
				b.Fatalf("%s: %v", act, act.Err)
			}
			if act.IsRoot {
				findings += len(act.Diagnostics)
			}
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(findings), "findings")
}

// cpuTime returns the user and system CPU time of the process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkTokenlog measures tokenlog, with the SSA it builds, over the
// generated corpus. Compare with BenchmarkNonSSABaseline for the ratio
// the issue bounds at 2x, and with BenchmarkBuildSSA for tokenlog's own
// share.
func BenchmarkTokenlog(b *testing.B) {
	benchAnalyze(b, []*analysis.Analyzer{tokenlog.Analyzer})
}

// BenchmarkNonSSABaseline measures the inspect-based go vet passes over
// the same corpus.
func BenchmarkNonSSABaseline(b *testing.B) {
	benchAnalyze(b, nonSSA)
}

// BenchmarkBuildSSA measures building SSA alone (what every SSA-based
// analyzer shares).
func BenchmarkBuildSSA(b *testing.B) {
	benchAnalyze(b, []*analysis.Analyzer{buildssa.Analyzer})
}

// TestCorpusFindings checks that the generated corpus is analyzed as
// intended: the deliberate leaks are found (one in every seventh
// package, and the config's password is never logged).
func TestCorpusFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a generated module")
	}
	dir := t.TempDir()
	writeCorpus(t, dir, 12)
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	g, err := checker.Analyze([]*analysis.Analyzer{tokenlog.Analyzer}, pkgs, &checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for act := range g.All() {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		if act.IsRoot {
			for _, d := range act.Diagnostics {
				got = append(got, act.Package.PkgPath+": "+d.Message)
			}
		}
	}
	t.Logf("analyzed in %v", time.Since(start))
	want := []string{
		"corpus/p000: API key from the X-API-Key header reaches log.Printf",
		"corpus/p007: API key from the X-API-Key header reaches log.Printf",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
