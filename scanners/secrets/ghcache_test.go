package secrets

import (
	"strings"
	"testing"
)

// TestCacheKey: the key and restore-keys inputs of an actions/cache step
// name a cache entry; a key input of another action, a cache step's
// other inputs, a value outside a workflow and a secret in the next step
// are not cache keys.
func TestCacheKey(t *testing.T) {
	const v = "go_legacy_1236"
	cache := "jobs:\n  build:\n    steps:\n      - name: Cache legacy Go\n        id: cache-legacy-go\n        uses: actions/cache@v4\n        with:\n          path: |\n            ~/go/go_legacy\n          key: " + v + "\n      - name: Setup\n        run: make\n"
	restore := "    steps:\n      - uses: actions/cache/restore@v4\n        with:\n          path: ~/.cache\n          key: main\n          restore-keys: |\n            x\n          restore-keys:\n            - " + v + "\n"
	other := "    steps:\n      - name: Deploy\n        uses: example/deploy@v1\n        with:\n          key: " + v + "\n"
	nextStep := "    steps:\n      - uses: actions/cache@v4\n        with:\n          key: k\n      - name: Publish\n        uses: example/publish@v1\n        with:\n          key: " + v + "\n"
	input := "    steps:\n      - uses: actions/cache@v4\n        with:\n          token: " + v + "\n"
	for _, tc := range []struct {
		name, path, text string
		want             bool
	}{
		{"cache key", ".github/workflows/build.yml", cache, true},
		{"restore-keys item", ".github/workflows/ci.yaml", restore, true},
		{"composite action", ".github/actions/setup/action.yml", cache, true},
		// Near misses.
		{"another action's key", ".github/workflows/deploy.yml", other, false},
		{"a later step", ".github/workflows/release.yml", nextStep, false},
		{"another input", ".github/workflows/build.yml", input, false},
		{"not a workflow", "deploy/values.yml", cache, false},
	} {
		i := strings.LastIndex(tc.text, v)
		if got := lineRole(tc.path, tc.text, i) == roleCacheKey; got != tc.want {
			t.Errorf("%s: cache key = %v, want %v", tc.name, got, tc.want)
		}
	}
}
