// Package benchcorpus generates a Go module of many realistic service
// packages for benchmarks: API clients with base URLs and auth headers,
// HTTP handlers with token checks, configuration read from the
// environment, and logging. It uses only the standard library, so the
// module loads without the network.
//
// Most of the code is clean; a few packages carry the problems authvet
// looks for, so the analyzers do their full work (data flow, facts,
// reporting) rather than returning early.
package benchcorpus

import (
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

// Module is the generated module's path.
const Module = "example.com/corpus"

// Write generates a module with n packages under dir (which must exist)
// and returns the package patterns to analyze.
func Write(dir string, n int) error {
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+Module+"\n\ngo 1.22\n"), 0o644); err != nil {
		return fmt.Errorf("writing corpus: %w", err)
	}
	if err := writeFile(dir, "internal/logx/logx.go", logxSrc); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		d := data{Pkg: fmt.Sprintf("svc%03d", i), N: i, Module: Module, Buggy: i%10 == 3}
		for name, tmpl := range templates {
			var b strings.Builder
			if err := tmpl.Execute(&b, d); err != nil {
				return fmt.Errorf("generating %s: %w", name, err)
			}
			src, err := format.Source([]byte(b.String()))
			if err != nil {
				return fmt.Errorf("generating %s/%s: %w", d.Pkg, name, err)
			}
			if err := writeFile(dir, filepath.Join("services", d.Pkg, name), string(src)); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeFile(dir, name, body string) error {
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("writing corpus: %w", err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		return fmt.Errorf("writing corpus: %w", err)
	}
	return nil
}

type data struct {
	Pkg    string
	Module string
	N      int
	Buggy  bool
}

const logxSrc = `// Package logx wraps the standard logger, as many services do.
package logx

import "log"

// Debugf logs when debugging is on.
func Debugf(format string, args ...any) {
	if Verbose {
		log.Printf("[debug] "+format, args...)
	}
}

// Verbose turns on debug logs.
var Verbose bool
`

var templates = map[string]*template.Template{
	"client.go": template.Must(template.New("client").Parse(`// Package {{.Pkg}} is one service of the corpus.
package {{.Pkg}}

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

{{if .Buggy}}const baseURL = "http://api{{.N}}.partner.example.com/v1"
{{else}}const baseURL = "https://api{{.N}}.partner.example.com/v1"
{{end}}
const devURL = "http://localhost:{{.N}}0"

// Client calls the partner API.
type Client struct {
	base   *url.URL
	token  string
	http   *http.Client
	agent  string
	retries int
}

// NewClient returns a client configured from the environment.
func NewClient() (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("parsing base URL: %w", err)
	}
	return &Client{
		base:  u,
		token: os.Getenv("PARTNER{{.N}}_API_TOKEN"),
		http:  &http.Client{Timeout: 15 * time.Second},
		agent: "corpus/{{.N}}",
		retries: 3,
	}, nil
}

// Item is a resource of the partner API.
type Item struct {
	ID    string            ` + "`json:\"id\"`" + `
	Name  string            ` + "`json:\"name\"`" + `
	Tags  []string          ` + "`json:\"tags\"`" + `
	Attrs map[string]string ` + "`json:\"attrs\"`" + `
}

func (c *Client) do(ctx context.Context, method, path string, body io.Reader, out any) error {
	ref, err := url.Parse(path)
	if err != nil {
		return fmt.Errorf("parsing path %q: %w", path, err)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base.ResolveReference(ref).String(), body)
	if err != nil {
		return fmt.Errorf("building request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("User-Agent", c.agent)
	req.Header.Set("Content-Type", "application/json")
	var lastErr error
	for attempt := 0; attempt < c.retries; attempt++ {
		resp, err := c.http.Do(req)
		if err != nil {
			lastErr = err
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 500 {
			lastErr = fmt.Errorf("server error %d", resp.StatusCode)
			continue
		}
		if resp.StatusCode >= 400 {
			data, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
			return fmt.Errorf("%s %s: %d: %s", method, path, resp.StatusCode, strings.TrimSpace(string(data)))
		}
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return fmt.Errorf("%s %s: giving up: %w", method, path, lastErr)
}

// List returns every item.
func (c *Client) List(ctx context.Context) ([]Item, error) {
	var items []Item
	if err := c.do(ctx, http.MethodGet, "items", nil, &items); err != nil {
		return nil, err
	}
	return items, nil
}

// Get returns one item.
func (c *Client) Get(ctx context.Context, id string) (*Item, error) {
	var it Item
	if err := c.do(ctx, http.MethodGet, "items/"+url.PathEscape(id), nil, &it); err != nil {
		return nil, err
	}
	return &it, nil
}

// Dev returns a client for the local mock server.
func Dev() *Client {
	u, _ := url.Parse(devURL)
	return &Client{base: u, http: http.DefaultClient, retries: 1}
}
`)),
	"handlers.go": template.Must(template.New("handlers").Parse(`package {{.Pkg}}

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"strings"
)

var errUnauthorized = errors.New("unauthorized")

type principal struct {
	Subject string
	Scopes  []string
}

func (p *principal) hasScope(s string) bool {
	for _, x := range p.Scopes {
		if x == s {
			return true
		}
	}
	return false
}

func authenticate(r *http.Request) (*principal, error) {
	h := r.Header.Get("Authorization")
	tok := strings.TrimPrefix(h, "Bearer ")
	if tok == "" || tok == h {
		return nil, errUnauthorized
	}
	parts := strings.Split(tok, ".")
	if len(parts) != 2 {
		return nil, errUnauthorized
	}
	mac := hmac.New(sha256.New, []byte(os.Getenv("SESSION_SECRET")))
	mac.Write([]byte(parts[0]))
	want := mac.Sum(nil)
	got, err := hex.DecodeString(parts[1])
	if err != nil || !hmac.Equal(got, want) {
		return nil, errUnauthorized
	}
	return &principal{Subject: parts[0], Scopes: strings.Split(parts[0], "+")}, nil
}

// ListItems serves GET /items.
func ListItems(w http.ResponseWriter, r *http.Request) {
	p, err := authenticate(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	if !p.hasScope("items:read") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	items := append([]Item(nil), Item{ID: "1", Name: p.Subject})
	json.NewEncoder(w).Encode(items)
}

// Health serves GET /healthz.
func Health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}

// Routes registers the service's handlers.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /{{.Pkg}}/items", ListItems)
	mux.HandleFunc("GET /{{.Pkg}}/healthz", Health)
}
`)),
	"config.go": template.Must(template.New("config").Parse(`package {{.Pkg}}

import (
	"fmt"
	"log"
	"os"
	"strconv"
	"time"

	"{{.Module}}/internal/logx"
)

// Config is the service's configuration.
type Config struct {
	Addr         string
	DatabaseURL  string
	APIToken     string
	TokenURL     string
	Timeout      time.Duration
	MaxRetries   int
	secretName   string
}

// String hides the credentials.
func (c Config) String() string {
	return fmt.Sprintf("Config{Addr: %s, Timeout: %s}", c.Addr, c.Timeout)
}

// Load reads the configuration from the environment.
func Load() (*Config, error) {
	c := &Config{
		Addr:        getenv("ADDR", ":8080"),
		DatabaseURL: os.Getenv("DATABASE_URL"),
		APIToken:    os.Getenv("API_TOKEN"),
		TokenURL:    getenv("TOKEN_URL", "https://auth.example.com/oauth2/token"),
		secretName:  "projects/p/secrets/api-token",
	}
	t, err := time.ParseDuration(getenv("TIMEOUT", "10s"))
	if err != nil {
		return nil, fmt.Errorf("TIMEOUT: %w", err)
	}
	c.Timeout = t
	n, err := strconv.Atoi(getenv("MAX_RETRIES", "3"))
	if err != nil {
		return nil, fmt.Errorf("MAX_RETRIES: %w", err)
	}
	c.MaxRetries = n
	log.Printf("{{.Pkg}}: loaded %v", c)
	logx.Debugf("{{.Pkg}}: token length %d", len(c.APIToken))
{{if .Buggy}}	logx.Debugf("{{.Pkg}}: token %s", c.APIToken)
{{end}}	return c, nil
}

func getenv(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}
`)),
	"store.go": template.Must(template.New("store").Parse(`package {{.Pkg}}

import (
	"errors"
	"sort"
	"strings"
	"sync"
)

// Store keeps items in memory.
type Store struct {
	mu    sync.RWMutex
	items map[string]Item
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{items: map[string]Item{}} }

// Put adds or replaces an item.
func (s *Store) Put(it Item) error {
	if strings.TrimSpace(it.ID) == "" {
		return errors.New("item without id")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[it.ID] = it
	return nil
}

// Find returns items whose name contains q, sorted by id.
func (s *Store) Find(q string) []Item {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Item
	for _, it := range s.items {
		if strings.Contains(strings.ToLower(it.Name), strings.ToLower(q)) {
			out = append(out, it)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Tags counts the tags of all items.
func (s *Store) Tags() map[string]int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	m := map[string]int{}
	for _, it := range s.items {
		for _, t := range it.Tags {
			m[t]++
		}
	}
	return m
}
`)),
}
