package namewords

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	for name, want := range map[string][]string{
		"clientSecretV2": {"client", "secret", "v2"},
		"X-API-Key":      {"x", "api", "key"},
		"APIKey":         {"api", "key"},
		"openapi-gen":    {"openapi", "gen"},
		"WRITE_KEY":      {"write", "key"},
		"":               nil,
	} {
		if got := Split(name); !reflect.DeepEqual(got, want) {
			t.Errorf("Split(%q) = %q, want %q", name, got, want)
		}
	}
}
