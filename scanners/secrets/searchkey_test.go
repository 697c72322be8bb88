package secrets

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestSearchKey: a key beside the name of the index it searches, in a
// documentation site's configuration (or named search-only anywhere),
// is a search widget's public key; the same record outside a site's
// configuration, a key with no index beside it, a key named for another
// use and an index in another record are not.
func TestSearchKey(t *testing.T) {
	v := testkeys.Hex(900, 32)
	for _, tc := range []struct {
		name, path, text string
		want             bool
	}{
		// Positives.
		{"vitepress algolia options", "www/.vitepress/config.ts",
			"export default defineConfig({\n  themeConfig: {\n    search: {\n      provider: 'algolia',\n      options: {\n        // the search-only key\n        apiKey: '" + v + "',\n        indexName: 'docs',\n        appId: 'BH4D9OD16A',\n      },\n    },\n  },\n})\n", true},
		{"vitepress config split into modules", "docs/.vitepress/config/shared.ts",
			"export const shared = defineConfig({\n  themeConfig: {\n    search: {\n      provider: 'algolia',\n      options: {\n        appId: '2WNJ32WVTY',\n        apiKey: '" + v + "',\n        indexName: 'docs',\n      },\n    },\n  },\n})\n", true},
		{"docusaurus, index below", "docusaurus.config.js",
			"module.exports = {\n  themeConfig: {\n    algolia: {\n      appId: 'X1Y2Z3',\n      apiKey: '" + v + "',\n      indexName: 'acme',\n    },\n  },\n};\n", true},
		{"vuepress, one line", "docs-site/.vuepress/config.js",
			"module.exports = {\n  themeConfig: { algolia: { apiKey: '" + v + "', indexName: 'acme' } },\n}\n", true},
		{"named search-only, jekyll", "_config.yml",
			"algolia:\n  application_id: X1Y2Z3\n  index_name: acme_docs\n  search_only_api_key: " + v + "\n", true},
		{"public env of a docs site", ".env",
			"NEXT_PUBLIC_HOST=\"https://www.example.com\"\n\nNEXT_PUBLIC_DOCSEARCH_APP_ID=\"D3PTL6ZBQI\"\nNEXT_PUBLIC_DOCSEARCH_API_KEY=\"" + v + "\"\nNEXT_PUBLIC_DOCSEARCH_INDEX_NAME=\"acme\"\n", true},
		// Near misses.
		{"public env, no index", ".env.production",
			"NEXT_PUBLIC_ALGOLIA_SEARCH_KEY=" + v + "\nNEXT_PUBLIC_HOST=https://www.example.com\n", false},
		{"server env beside an index", ".env",
			"ALGOLIA_ADMIN_KEY=" + v + "\nALGOLIA_INDEX_NAME=acme\n", false},
		{"indexing plugin options", "gatsby-config.js",
			"plugins: [\n  {\n    resolve: 'gatsby-plugin-algolia',\n    options: {\n      appId: 'X1Y2Z3',\n      apiKey: '" + v + "',\n      indexName: 'acme',\n      queries,\n    },\n  },\n]\n", false},
		{"no index beside it", "docusaurus.config.js",
			"module.exports = {\n  themeConfig: {\n    analytics: {\n      apiKey: '" + v + "',\n      host: 'https://a.example.net',\n    },\n  },\n};\n", false},
		{"admin key beside the index", "www/.vitepress/config.ts",
			"export default {\n  algolia: {\n    adminApiKey: '" + v + "',\n    indexName: 'docs',\n  },\n}\n", false},
		{"index in the parent record", "www/.vitepress/config.ts",
			"export default {\n  indexName: 'docs',\n  analytics: {\n    apiKey: '" + v + "',\n  },\n}\n", false},
		{"index in the next record", "docusaurus.config.js",
			"module.exports = {\n  a: {\n    apiKey: '" + v + "',\n  },\n  b: {\n    indexName: 'docs',\n  },\n};\n", false},
		{"a module beside the site's config directory", "docs/.vitepress/theme/search.ts",
			"export const client = new Search({\n  apiKey: '" + v + "',\n  indexName: 'docs',\n});\n", false},
		{"server code", "src/search/client.ts",
			"const client = new Search({\n  apiKey: '" + v + "',\n  indexName: 'products',\n});\n", false},
		{"search-only with no index", "_config.yml",
			"algolia:\n  search_only_api_key: " + v + "\n  application_id: X1Y2Z3\n", false},
	} {
		start := strings.Index(tc.text, v)
		ls, _ := lineBounds(tc.text, start)
		if got := searchKey(tc.path, tc.text, ls, start); got != tc.want {
			t.Errorf("%s: searchKey = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestSearchWidgetKeysAreNotes: on a real history, the search key in a
// VitePress site's configuration is a note with the reason; a key with
// no index beside it in a Docusaurus configuration and an indexing
// plugin's key beside its index stay warnings.
func TestSearchWidgetKeysAreNotes(t *testing.T) {
	r := newRepo(t)
	search, analytics, indexing := testkeys.Hex(905, 32), testkeys.Hex(902, 32), testkeys.Hex(903, 32)
	r.write(".vitepress/config.mts", "export default defineConfig({\n  themeConfig: {\n    search: {\n      provider: 'algolia',\n      options: {\n        apiKey: '"+search+"',\n        indexName: 'acme',\n        appId: 'BH4D9OD16A',\n      },\n    },\n  },\n})\n")
	r.write("docusaurus.config.js", "module.exports = {\n  themeConfig: {\n    analytics: {\n      apiKey: '"+analytics+"',\n    },\n  },\n};\n")
	r.write("gatsby-config.js", "module.exports = {\n  plugins: [\n    {\n      resolve: 'gatsby-plugin-algolia',\n      options: {\n        appId: 'X1Y2Z3',\n        apiKey: '"+indexing+"',\n        indexName: 'acme',\n      },\n    },\n  ],\n}\n")
	r.commit("site")
	res := scanRepo(t, Options{Root: r.dir})
	for _, tc := range []struct {
		path string
		note bool
	}{
		{".vitepress/config.mts", true},
		{"docusaurus.config.js", false},
		{"gatsby-config.js", false},
	} {
		f := findingAt(t, res, tc.path, "apiKey")
		if got := f.Level == finding.LevelNote; got != tc.note {
			t.Errorf("%s:%d: level %s, want note %v: %s", f.Location.Path, f.Location.StartLine, f.Level, tc.note, f.Message)
		}
		if tc.note && !strings.Contains(f.Message, "search-only key") {
			t.Errorf("%s: the reason is not given: %s", tc.path, f.Message)
		}
	}
	assertNoLeak(t, res, search, analytics, indexing)
}
