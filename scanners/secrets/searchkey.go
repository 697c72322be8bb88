package secrets

import (
	"path"
	"regexp"
	"strings"
)

// roleSearchKey is the key of a hosted search widget (Algolia's
// DocSearch, a Meilisearch docs search bar) in the configuration of a
// documentation site: the record gives the key beside the name of the
// index it searches, and the site generator compiles that record into
// the pages every visitor downloads, where the widget sends the key with
// each query. Such a key can only be a search-only key (the provider's
// documentation says to ship it to browsers); one that could write the
// index would be published to every reader of the site. A key named
// "search-only" beside an index name says the same of itself in any
// file (Jekyll's and Hugo's `search_only_api_key`).
const roleSearchKey = "the search-only key of a site's search widget (given beside the index it searches, in configuration compiled into the site's pages), which the provider publishes to browsers"

var (
	// searchKeyName ends the text before a value keyed as the widget's
	// API key: apiKey, api_key, searchApiKey, algoliaApiKey,
	// docsearch_api_key, search_only_api_key. A name that says admin,
	// write or anything else before it does not end so.
	searchKeyName = regexp.MustCompile(`(?i)(?:^|[\s{,(])["']?(?:(?:algolia|docsearch|meili(?:search)?|search)[-_]?)?(?:search[-_]?only[-_]?)?api[-_]?key["']?\s*[:=]\s*["'\x60]?$`)
	// searchOnlyName ends the text before a value keyed as search-only
	// by its own name.
	searchOnlyName = regexp.MustCompile(`(?i)search[-_]?only[-_]?(?:api[-_]?)?key["']?\s*[:=]\s*["'\x60]?$`)
	// indexField sets the name of the index a record searches (indexName,
	// index_name, indexUid) to a value.
	indexField = regexp.MustCompile(`(?i)(?:^|[\s{,(])["']?index[-_]?(?:name|uid)["']?\s*[:=]\s*["'\x60]?\w`)
	// publicSearchEnv ends the text before a bundler's public variable
	// (shipped to every browser) named as a search widget's key:
	// NEXT_PUBLIC_DOCSEARCH_API_KEY, VITE_ALGOLIA_SEARCH_KEY.
	publicSearchEnv = regexp.MustCompile(`(?:^|[^A-Z_])(?:VITE|VUE_APP|REACT_APP|NEXT_PUBLIC|NUXT_PUBLIC|GATSBY|EXPO_PUBLIC)_[A-Z0-9_]*(?:DOCSEARCH|ALGOLIA|SEARCH)[A-Z0-9_]*KEY\s*=\s*["']?$`)
	// envIndexField sets such a variable naming the index searched.
	envIndexField = regexp.MustCompile(`^\s*(?:export\s+)?[A-Z0-9_]*_INDEX(?:_NAME|_UID)?\s*=\s*["']?\w`)
	// siteConfig is the configuration of a static documentation site
	// whose theme settings are compiled into its pages: VitePress,
	// VuePress and Docusaurus, also split into a config/ directory of
	// modules the config file imports (Artalk's
	// .vitepress/config/shared.ts).
	siteConfig = regexp.MustCompile(`(?:^|/)(?:\.vitepress|\.vuepress)/config(?:/[^/]+)?\.[cm]?[jt]s$|(?:^|/)docusaurus\.config\.[cm]?[jt]s$`)
)

// searchKey reports whether the value at text[start:], on the line
// starting at ls, in the file at p, is a search widget's public key: it
// is keyed as one (searchKeyName) in a site's configuration
// (siteConfig), or named search-only anywhere, and its record (the same
// line, or the lines at its indent around it, not past one indented
// less) names an index.
func searchKey(p, text string, ls, start int) bool {
	before := text[ls:start]
	if strings.HasPrefix(path.Base(p), ".env") && publicSearchEnv.MatchString(before) {
		// A site's .env with NEXT_PUBLIC_DOCSEARCH_API_KEY beside
		// NEXT_PUBLIC_DOCSEARCH_INDEX_NAME: the bundler compiles both
		// into the pages.
		_, le := lineBounds(text, start)
		return siblingLine(text, ls, le, envIndexField.MatchString)
	}
	if !searchOnlyName.MatchString(before) && !(siteConfig.MatchString(p) && searchKeyName.MatchString(before)) {
		return false
	}
	_, le := lineBounds(text, start)
	if indexField.MatchString(text[ls:le]) {
		return true
	}
	return siblingLine(text, ls, le, indexField.MatchString)
}

// siblingLine reports whether a line of the record holding the line
// text[ls:le] satisfies ok: a non-blank line at the same indent, above
// or below it within a dozen lines, not past a line indented less (the
// record's end).
func siblingLine(text string, ls, le int, ok func(string) bool) bool {
	want := indentOf(text[ls:le])
	// check says whether to stop, and whether l is a matching sibling.
	check := func(l string) (stop, hit bool) {
		if strings.TrimSpace(l) == "" {
			return false, false
		}
		switch n := indentOf(l); {
		case n < want:
			return true, false
		case n > want:
			return false, false
		}
		return false, ok(l)
	}
	for end, i := ls, 0; end > 0 && i < 12; i++ {
		from := strings.LastIndexByte(text[:end-1], '\n') + 1
		stop, hit := check(text[from : end-1])
		if hit {
			return true
		}
		if stop {
			break
		}
		end = from
	}
	for from, i := le+1, 0; from < len(text) && i < 12; i++ {
		to := strings.IndexByte(text[from:], '\n')
		if to < 0 {
			to = len(text) - from
		}
		stop, hit := check(text[from : from+to])
		if hit {
			return true
		}
		if stop {
			break
		}
		from += to + 1
	}
	return false
}
