package pubexample

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	// jwt.io's sample, assembled so that this file holds no token.
	sample := strings.Join([]string{
		"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
		"eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ",
		"SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
	}, ".")
	if why, ok := Lookup(sample); !ok || !strings.Contains(why, "jwt.io") {
		t.Errorf("Lookup(jwt.io sample) = %q, %v", why, ok)
	}
	// MinIO's playground key, assembled likewise.
	if why, ok := Lookup(strings.Join([]string{"zuf+tfteSlswRu7BJ86w", "ekitnifILbZam1KYY3TG"}, "")); !ok || !strings.Contains(why, "play.min.io") {
		t.Errorf("Lookup(MinIO playground key) = %q, %v", why, ok)
	}
	// The same header and claims under another signature is a token
	// someone signed: not the published one.
	other := sample[:strings.LastIndex(sample, ".")+1] + "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
	for _, v := range []string{other, "AKIAIOSFODNN7EXAMPLF", ""} {
		if why, ok := Lookup(v); ok {
			t.Errorf("Lookup(%q) = %q, want not published", v, why)
		}
	}
}

// Azurite's well-known account key and Cosmos DB emulator's, assembled
// so that this file holds no key-shaped text.
var (
	azurite = strings.Join([]string{"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2", "UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="}, "")
	cosmos  = strings.Join([]string{"C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVT", "qobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="}, "")
)

func TestDevDefault(t *testing.T) {
	for v, want := range map[string]string{
		azurite:      "Azurite",
		cosmos:       "Cosmos DB",
		"minioadmin": "MinIO",
		"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + azurite + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;": "Azurite",
		"AccountEndpoint=https://localhost:8081/;AccountKey=" + cosmos + ";":                                                                          "Cosmos DB",
		"Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;":            "Service Bus",
	} {
		if why, ok := DevDefault(v); !ok || !strings.Contains(why, want) {
			t.Errorf("DevDefault(%.60q) = %q, %v; want %s", v, why, ok, want)
		}
	}
	// Near misses: a random key of the same shape, another key in a
	// connection string, a key sharing the published one's prefix or
	// missing its padding, a MinIO password that is not the default, the
	// account name alone, common words.
	random := "q9Xv2LmT7rP0sYkW4nB8cZ1dF6gH3jK5lM7nO9pQ2rS4tU6vW8xY0zA1bC3dE5fG7hI9jK1lM3nO5pQ7rS9tU+w=="
	for _, v := range []string{
		random,
		"DefaultEndpointsProtocol=https;AccountName=prodacct;AccountKey=" + random + ";EndpointSuffix=core.windows.net",
		"AccountName=devstoreaccount1;AccountKey=" + random + ";",
		azurite[:60] + random[60:],
		strings.TrimSuffix(azurite, "=="),
		"minioadmin-Zr8kq2LxV9mWp4Tn", "Zr8kq2LxV9mWp4Tn",
		"devstoreaccount1", "test", "key", "owner", "",
		"AccountName=" + azurite + ";",
	} {
		if why, ok := DevDefault(v); ok {
			t.Errorf("DevDefault(%.60q) = %q, want not a default", v, why)
		}
	}
}
