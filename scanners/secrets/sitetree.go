package secrets

import (
	"bytes"
	"context"
	"sort"
)

// A built documentation site kept on its own branch (GitHub Pages'
// gh-pages, written by mkdocs gh-deploy, Sphinx's ghp-import, Hugo,
// Docusaurus) holds the project's documentation rendered: every page as
// <version>/<section>/index.html, the search index as
// search/search_index.json. A sample key in docs/ is copied into each
// version's pages, and those paths (main/guides/…, v1.2.0/…) say nothing
// of documentation by themselves: judged by path, the copies read as
// production code. What says it is the commit's tree: a site's root has
// an index.html, one of the files a site generator or GitHub Pages puts
// there, and no project of source code (no go.mod, package.json,
// Cargo.toml…). A Vite or React app, whose root also has index.html,
// has its package.json. A Jekyll site's sources (_config.yml beside
// _layouts/ or _posts/) are documentation too.

const siteTreeWhy = "a built documentation site (the commit's tree is a static site: index.html with a site generator's files, no source project)"

// siteMarkers are root entries a site generator or GitHub Pages writes
// beside index.html.
var siteMarkers = map[string]bool{
	".nojekyll":   true, // GitHub Pages: serve as is
	"CNAME":       true, // GitHub Pages: custom domain
	"sitemap.xml": true,
	"404.html":    true,
	"search":      true, // mkdocs: search/search_index.json
	"objects.inv": true, // Sphinx
	"_static":     true, // Sphinx
}

// sourceProjects are root entries of a source tree: a commit whose root
// has one is a project, whatever else lies beside it.
var sourceProjects = map[string]bool{
	"go.mod": true, "package.json": true, "Cargo.toml": true, "pom.xml": true,
	"build.gradle": true, "build.gradle.kts": true, "setup.py": true,
	"pyproject.toml": true, "composer.json": true, "Makefile": true,
	"Dockerfile": true, "go.work": true, "mix.exs": true, "CMakeLists.txt": true,
}

// isSiteTree reports whether the names of a root tree's entries are a
// built documentation site's.
func isSiteTree(names map[string]bool) bool {
	for n := range names {
		if sourceProjects[n] {
			return false
		}
	}
	if names["_config.yml"] && (names["_layouts"] || names["_posts"]) {
		return true // Jekyll sources
	}
	if !names["index.html"] {
		return false
	}
	for n := range names {
		if siteMarkers[n] {
			return true
		}
	}
	return false
}

// treeNames parses a raw tree object ("<mode> <name>\0<hash>"…) into
// its entries' names; hashLen is the object format's hash size in bytes.
func treeNames(raw []byte, hashLen int) map[string]bool {
	names := map[string]bool{}
	for len(raw) > 0 {
		sp := bytes.IndexByte(raw, ' ')
		nul := bytes.IndexByte(raw, 0)
		if sp < 0 || nul < sp || nul+1+hashLen > len(raw) {
			break // malformed: what was read so far
		}
		names[string(raw[sp+1:nul])] = true
		raw = raw[nul+1+hashLen:]
	}
	return names
}

// resolveSiteTrees finds which of the commits that hold the places
// triage judges are built documentation sites, reading each one's root
// tree in one `git cat-file --batch`. Only places a path alone calls
// production are asked about, and only places in history (a commit):
// a directory scan has no tree to read.
func (s *scan) resolveSiteTrees(ctx context.Context, groups []*group) {
	if s.repo == nil || s.opts.Mode == Directory || s.opts.Mode == Staged {
		return
	}
	want := map[string]bool{}
	s.eachJudgedPlace(groups, func(o occurrence) {
		if o.commit == nil || o.commit.SHA == "" {
			return
		}
		if c, _ := s.contextOf(o.path); c != ctxProduction {
			return
		}
		if _, done := s.siteTree[o.commit.SHA]; !done {
			want[o.commit.SHA] = true
		}
	})
	if len(want) == 0 {
		return
	}
	if s.siteTree == nil {
		s.siteTree = map[string]bool{}
	}
	shas := make([]string, 0, len(want))
	for c := range want {
		shas = append(shas, c)
	}
	sort.Strings(shas)
	names := make([]string, len(shas))
	for i, c := range shas {
		names[i] = c + "^{tree}"
		s.siteTree[c] = false // unless read and found so
	}
	s.eachBlob(ctx, names, func(i int, data []byte) {
		s.siteTree[shas[i]] = isSiteTree(treeNames(data, len(shas[i])/2))
	})
}

// inSiteTree reports whether place o is in a commit whose tree is a
// built documentation site.
func (s *scan) inSiteTree(o occurrence) bool {
	return o.commit != nil && s.siteTree[o.commit.SHA]
}
