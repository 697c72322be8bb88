// Package queryhelp builds and sends URLs for another package, which
// sees them only through facts.
package queryhelp

import (
	"net/http"
	"os"
)

// WithKey appends a key to a URL's query.
func WithKey(u, key string) string { // want WithKey:`param 1 reaches the query of result 0`
	return u + "?key=" + key
}

// Fetch sends a request to u.
func Fetch(u string) { // want Fetch:`param 0 reaches the query of a URL sent by http.Get`
	http.Get(u)
}

// FetchWith sends v in the query.
func FetchWith(base, v string) { // want FetchWith:`param 1 reaches the query of a URL sent by http.Get`
	http.Get(base + "?v=" + v)
}

// Token returns a credential.
func Token() string { // want Token:`result 0 is token from environment variable SVC_TOKEN`
	return os.Getenv("SVC_TOKEN")
}

// Signed returns a URL with a key.
func Signed(path string) string { // want Signed:`result 0 is a URL with API key from environment variable STORE_API_KEY in its query`
	return "https://store.example.com" + path + "?apikey=" + os.Getenv("STORE_API_KEY")
}
