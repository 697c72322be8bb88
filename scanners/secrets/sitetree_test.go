package secrets

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

func TestIsSiteTree(t *testing.T) {
	set := func(names ...string) map[string]bool {
		m := map[string]bool{}
		for _, n := range names {
			m[n] = true
		}
		return m
	}
	for _, c := range []struct {
		name  string
		names map[string]bool
		want  bool
	}{
		{"mkdocs gh-deploy", set("index.html", "404.html", "search", "sitemap.xml", "main", "v1.2.0", ".nojekyll"), true},
		{"sphinx ghp-import", set("index.html", "_static", "objects.inv", "genindex.html"), true},
		{"hugo with a custom domain", set("index.html", "CNAME", "posts", "css"), true},
		{"jekyll sources", set("_config.yml", "_layouts", "_posts", "index.md", "Gemfile"), true},
		// Near misses: projects whose root also has an index.html.
		{"vite app", set("index.html", "package.json", "src", "404.html"), false},
		{"go service with a page", set("index.html", "go.mod", "main.go", "CNAME"), false},
		{"a lone page", set("index.html", "style.css", "app.js"), false},
		{"jekyll config alone", set("_config.yml", "index.md"), false},
		{"no page", set(".nojekyll", "sitemap.xml", "README.md"), false},
	} {
		if got := isSiteTree(c.names); got != c.want {
			t.Errorf("%s: isSiteTree = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestTreeNames(t *testing.T) {
	hash := func(b byte, n int) string {
		h := make([]byte, n)
		for i := range h {
			h[i] = b
		}
		return string(h)
	}
	// A hash byte may be a space or NUL: entries are cut by length.
	raw := "100644 index.html\x00" + hash(' ', 20) + "40000 search\x00" + hash(0, 20) + "100644 .nojekyll\x00" + hash('x', 20)
	got := treeNames([]byte(raw), 20)
	for _, n := range []string{"index.html", "search", ".nojekyll"} {
		if !got[n] {
			t.Errorf("treeNames missed %q: %v", n, got)
		}
	}
	if len(got) != 3 {
		t.Errorf("treeNames = %v, want 3 names", got)
	}
	// Cut short: what was read so far, no panic.
	if got := treeNames([]byte(raw[:len(raw)-5]), 20); len(got) != 2 {
		t.Errorf("truncated tree: %v, want the 2 whole entries", got)
	}
}

// A sample key written in docs/, deleted since, still sits in the built
// site on the gh-pages branch, in pages whose paths (main/guide/…) say
// nothing of documentation: the site's tree says it. A web app's branch,
// whose root also has index.html but beside its package.json, stays
// production.
func TestSiteTreeContext(t *testing.T) {
	r := newRepo(t)
	docKey := testkeys.GitHub(501)
	appKey := testkeys.GitHub(502)
	r.write("main.go", "package main\n\nfunc main() {}\n")
	r.write("go.mod", "module example.com/demo\n")
	r.write("docs/guide.md", "# Guide\n\nSet the token:\n\n    export GITHUB_TOKEN="+docKey+"\n")
	r.commit("docs: guide")

	r.git("checkout", "-q", "--orphan", "gh-pages")
	r.git("rm", "-rq", "--cached", ".")
	for _, p := range []string{"main.go", "go.mod", "docs/guide.md"} {
		if err := os.Remove(filepath.Join(r.dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	r.write("index.html", "<html><body>demo</body></html>\n")
	r.write(".nojekyll", "")
	r.write("search/search_index.json", "{\"docs\":[]}\n")
	r.write("main/guide/index.html", "<pre><code>export GITHUB_TOKEN="+docKey+"\n</code></pre>\n")
	r.commit("Deployed 1a2b3c4 with MkDocs")

	r.git("checkout", "-q", "--orphan", "webapp")
	r.git("rm", "-rq", "--cached", ".")
	for _, p := range []string{"index.html", ".nojekyll", "search/search_index.json", "main/guide/index.html"} {
		if err := os.Remove(filepath.Join(r.dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	r.write("index.html", "<script>const githubToken = \""+appKey+"\";</script>\n")
	r.write("404.html", "<html>not found</html>\n")
	r.write("package.json", "{\"name\":\"app\"}\n")
	r.commit("app")

	r.git("checkout", "-q", "-f", "main")
	r.git("rm", "-q", "docs/guide.md")
	r.commit("docs: drop the guide")

	cache := t.TempDir()
	for _, run := range []string{"cold", "warm"} {
		res := scanRepo(t, Options{Root: r.dir, CacheDir: cache})
		t.Run(run, func(t *testing.T) { checkSiteTreeFindings(t, res, docKey, appKey) })
	}
}

func checkSiteTreeFindings(t *testing.T, res *Result, docKey, appKey string) {
	assertNoLeak(t, res, docKey, appKey)
	var doc, app *finding.Finding
	for i := range res.Findings {
		switch res.Findings[i].Location.Path {
		case "docs/guide.md", "main/guide/index.html":
			doc = &res.Findings[i]
		case "index.html":
			app = &res.Findings[i]
		}
	}
	if doc == nil || app == nil {
		dumpFindings(t, res)
		t.Fatalf("want the docs key and the app key")
	}
	if doc.Level != finding.LevelNote || prop(doc, "context") != ctxDocs {
		t.Errorf("key in docs and in the built site: level %s, context %v; want note, docs (%s)", doc.Level, prop(doc, "context"), doc.Message)
	}
	if app.Level == finding.LevelNote || prop(app, "context") != ctxProduction {
		t.Errorf("key in a web app's index.html: level %s, context %v; want above note, production (%s)", app.Level, prop(app, "context"), app.Message)
	}
}
