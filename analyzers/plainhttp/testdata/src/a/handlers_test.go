package a

import (
	"net/http"
	"testing"
)

func readFlag(r *http.Request) bool { return r.Header.Get("X-Flag") != "" }

func TestHelpers(t *testing.T) {
	// Near miss: a request built to exercise a helper never leaves the
	// process.
	r, _ := http.NewRequest("GET", "http://example.org/x", nil)
	_ = r.WithContext(t.Context())

	// A test that really sends its request is still traffic.
	s, _ := http.NewRequest("GET", "http://api.example.com/ping", nil) // want `reaches http.NewRequest`
	http.DefaultClient.Do(s)
}

func TestHelper2(t *testing.T) {
	// Near miss: a package function that reads the request does not
	// send it.
	r, _ := http.NewRequest("GET", "http://example.org/y", nil)
	readFlag(r)

	// Near miss: a fake base URL handed to the code under test.
	buildClient("http://fake.example.org")
}

func buildClient(baseURL string) {}
