package golangci

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/authvet/authvet/analyzers/suite"
)

// build is what golangci-lint does with the plugin: look it up by name,
// construct it from the settings, and ask for its analyzers.
func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin("authvet")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", got, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestNoSettingsRunsEveryAnalyzer(t *testing.T) {
	for _, settings := range []any{nil, map[string]any{}} {
		as, err := build(t, settings)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := names(as), names(suite.Analyzers()); !slices.Equal(got, want) {
			t.Errorf("settings %v: analyzers %v, want %v", settings, got, want)
		}
		if err := analysis.Validate(as); err != nil {
			t.Error(err)
		}
	}
}

// Settings as golangci-lint passes them (maps decoded from YAML) reach
// the analyzers' flags, and the findings follow: allow-hosts silences a
// host, and an //authvet:ignore comment holds.
func TestSettingsReachTheAnalyzers(t *testing.T) {
	as, err := build(t, map[string]any{
		"plainhttp":     map[string]any{"allow-hosts": []any{"legacy.example.net", ".corp.example"}},
		"hardcodedcred": map[string]any{"min-entropy": 3.25, "secret-names": "pin"},
		"scopecheck":    map[string]any{"authz-funcs": []any{"requireScope"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ analyzer, flag, want string }{
		{"plainhttp", "allow-hosts", "legacy.example.net,.corp.example"},
		{"hardcodedcred", "min-entropy", "3.25"},
		{"hardcodedcred", "secret-names", "pin"},
		{"scopecheck", "authz-funcs", "requireScope"},
	} {
		a := as[slices.Index(names(as), c.analyzer)]
		if got := a.Flags.Lookup(c.flag).Value.String(); got != c.want {
			t.Errorf("%s.%s = %q, want %q", c.analyzer, c.flag, got, c.want)
		}
	}
	analysistest.Run(t, analysistest.TestData(), pick(t, as, "plainhttp"), "demo")
	analysistest.Run(t, analysistest.TestData(), pick(t, as, "hardcodedcred"), "creds")
}

// enable and disable take analyzer names and rule ids.
func TestEnableDisable(t *testing.T) {
	as, err := build(t, map[string]any{
		"enable":    []any{"plainhttp", "tokenlog/log"},
		"disable":   []any{"plainhttp/skip-verify"},
		"plainhttp": map[string]any{"allow-hosts": "legacy.example.net"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(as), []string{"plainhttp", "tokenlog"}; !slices.Equal(got, want) {
		t.Fatalf("analyzers %v, want %v", got, want)
	}
	// filtered holds demo's findings; the skip-verify one is not wanted.
	analysistest.Run(t, analysistest.TestData(), pick(t, as, "plainhttp"), "filtered")

	as, err = build(t, map[string]any{"disable": []any{"hardcodedcred", "scopecheck"}})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, a := range suite.Analyzers() {
		if a.Name != "hardcodedcred" && a.Name != "scopecheck" {
			want = append(want, a.Name)
		}
	}
	if got := names(as); !slices.Equal(got, want) {
		t.Fatalf("analyzers %v, want %v", got, want)
	}
}

func pick(t *testing.T, as []*analysis.Analyzer, name string) *analysis.Analyzer {
	t.Helper()
	i := slices.Index(names(as), name)
	if i < 0 {
		t.Fatalf("no analyzer %s in %v", name, names(as))
	}
	return as[i]
}

// A setting that would not reach an analyzer stops golangci-lint with a
// message that names it.
func TestSettingsErrors(t *testing.T) {
	for _, c := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"plainhtp": map[string]any{"allow-hosts": "x"}}, `unknown analyzer or setting "plainhtp"`},
		{map[string]any{"plainhttp": map[string]any{"allow-host": "x"}}, `plainhttp: unknown option "allow-host" (options: allow-hosts, internal)`},
		{map[string]any{"plainhttp": map[string]any{"internal": "yes"}}, `plainhttp: option internal: want a bool, got "yes"`},
		{map[string]any{"plainhttp": map[string]any{"allow-hosts": true}}, `option allow-hosts: want a string or list of strings, got true`},
		{map[string]any{"plainhttp": map[string]any{"allow-hosts": 8080}}, `option allow-hosts: want a string or list of strings, got 8080`},
		{map[string]any{"plainhttp": map[string]any{"allow-hosts": []any{"a", 1}}}, `want a list of strings`},
		{map[string]any{"plainhttp": map[string]any{"allow-hosts": []any{"a,b"}}}, `holds a comma`},
		{map[string]any{"plainhttp": "legacy.example.net"}, `plainhttp: want a map of option names to values`},
		{map[string]any{"hardcodedcred": map[string]any{"min-entropy": "high"}}, `option min-entropy: want a number, got "high"`},
		{map[string]any{"hardcodedcred": map[string]any{"min-entropy": []any{3}}}, `want a number`},
		{map[string]any{"hardcodedcred": map[string]any{"placeholders": "(unclosed"}}, `option placeholders: error parsing regexp`},
		{map[string]any{"tokenlog": map[string]any{"loggers": "nodot"}}, `option loggers: logger "nodot"`},
		{map[string]any{"enable": []any{"plainhttp/uri"}}, `enable: unknown analyzer or rule "plainhttp/uri"`},
		{map[string]any{"disable": "plainhttp"}, `disable: want a list`},
		{[]any{"plainhttp"}, `want a map of analyzer names`},
	} {
		_, err := build(t, c.settings)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("settings %v: error %v, want one containing %q", c.settings, err, c.want)
		}
	}
}

// The plugin does not link the secret scanner: a golangci-lint build with
// it carries no gitleaks or viper.
func TestPluginDoesNotLinkTheScanner(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "github.com/authvet/authvet/analyzers/suite") {
		t.Fatalf("go list -deps . does not list analyzers/suite: %s", out)
	}
	for _, p := range deps {
		if strings.Contains(p, "gitleaks") || strings.Contains(p, "viper") || strings.HasPrefix(p, "github.com/authvet/authvet/scanners") {
			t.Errorf("the plugin depends on %s", p)
		}
	}
}

// The README's nogo target lists every analyzer of the suite, one by one.
func TestReadmeNogoListsEveryAnalyzer(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "nogo(\n")
	if !ok {
		t.Fatal("README.md has no nogo( target")
	}
	target, _, _ := strings.Cut(rest, "\n)\n")
	var listed []string
	for _, line := range strings.Split(target, "\n") {
		if _, pkg, ok := strings.Cut(line, `"@com_github_authvet_authvet//analyzers/`); ok {
			listed = append(listed, strings.TrimSuffix(strings.TrimSpace(pkg), `",`))
		}
	}
	if want := names(suite.Analyzers()); !slices.Equal(listed, want) {
		t.Errorf("README's nogo target lists %v, want every analyzer of the suite: %v", listed, want)
	}
}
