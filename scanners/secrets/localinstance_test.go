package secrets

import (
	"strings"
	"testing"
)

// TestLocalInstance: a key beside its server's localhost URL, in the
// same object, is a local instance's; one beside a real host, in a
// sibling object, beside localhost as a redirect, or in a deployment
// is not.
func TestLocalInstance(t *testing.T) {
	const v = "a3106b3e-5d2f-4c8a-9e71-2b4c6d8e0f1a"
	conf := "{\n  \"development\": {\n    \"external_instances\": [{\n      \"url\": \"http://localhost:8070\",\n      \"api_key\": \"" + v + "\",\n      \"api_token\": \"x\"\n    }]\n  }\n}\n"
	yaml := "dev:\n  server: http://127.0.0.1:9000\n  token: " + v + "\n"
	realHost := "prod:\n  url: https://api.example.com\n  api_key: " + v + "\n"
	sibling := "a:\n  url: http://localhost:8070\nb:\n  api_key: " + v + "\n"
	redirect := "oauth:\n  redirect_url: http://localhost:8080/cb\n  client_secret: " + v + "\n"
	for _, tc := range []struct {
		name, path, text string
		want             bool
	}{
		{"json object with a localhost url", "weaviate.conf.json", conf, true},
		{"yaml block with a loopback server", "config/dev.yaml", yaml, true},
		// Near misses.
		{"a real host", "config/prod.yaml", realHost, false},
		{"a sibling block", "config.yaml", sibling, false},
		{"a redirect on localhost", "config.yaml", redirect, false},
		{"a deployment", "deploy/config.yaml", yaml, false},
	} {
		i := strings.Index(tc.text, v)
		if got := lineRole(tc.path, tc.text, i) == roleLocalInstance; got != tc.want {
			t.Errorf("%s: local instance = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestTestRunArgument: a credential-named argument on a command line
// that runs a test suite is the suite's; the same flag on a deploy
// command, or a test run's URL in prose, is not.
func TestTestRunArgument(t *testing.T) {
	const v = "327a1c9e-4b8d-4f2a-9c3e-7d5b1a0e6f42"
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"go test args", "script:\n  - go test -v ./test -args -api-key=" + v + " --server-host=localhost\n", true},
		{"npm run test", "run: npm run test -- --token=" + v + "\n", true},
		// Near misses.
		{"a deploy command", "script:\n  - ./deploy --api-key=" + v + " --host=prod.example.com\n", false},
		{"a word containing test", "run: ./contest --token=" + v + "\n", false},
	} {
		i := strings.Index(tc.text, v)
		if got := lineRole(".travis.yml", tc.text, i) == roleTestRun; got != tc.want {
			t.Errorf("%s: test run = %v, want %v", tc.name, got, tc.want)
		}
	}
}
