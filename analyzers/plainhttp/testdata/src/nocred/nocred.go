// Package nocred: a literal public plain-HTTP host is a warning when the
// request carries a credential, and a plainhttp/url-no-credential note
// when nothing secret is sent.
package nocred

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

const legacyUploadURL = "http://upload.vendor.example.net/v1/uploads" // want `plain HTTP URL http://upload.vendor.example.net reaches http.NewRequestWithContext; use https://`

// Basic auth on the request built in the same function.
func upload(ctx context.Context, id, secret string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPut, legacyUploadURL, nil)
	req.SetBasicAuth(id, secret)
	http.DefaultClient.Do(req)
}

const headerToken = "X-Vendor-Token"

type client struct{ token string }

// A credential header named by a constant.
func (c *client) render(ctx context.Context, key string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://render.vendor.example.net/v1/"+key, nil) // want `plain HTTP URL http://render.vendor.example.net reaches http.NewRequestWithContext; use https://`
	req.Header.Set(headerToken, c.token)
	http.DefaultClient.Do(req)
}

// The password is in the URL itself.
func mirror() {
	http.Get("http://ci:hunter22@mirror.vendor.example.net/releases") // want `plain HTTP URL http://mirror.vendor.example.net reaches http.Get; use https://`
}

// A helper builds the request; its caller adds the bearer token.
func newRequest(ctx context.Context) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodGet, "http://ledger.vendor.example.net/api/entries", nil) // want `plain HTTP URL http://ledger.vendor.example.net reaches http.NewRequestWithContext; use https://`
}

func entries(ctx context.Context, tok string) {
	req, _ := newRequest(ctx)
	req.Header.Set("Authorization", "Bearer "+tok)
	http.DefaultClient.Do(req)
}

// Near miss: a public status page; nothing secret is sent.
func status() {
	http.Get("http://status.vendor.example.net/api/v2/status.json") // want `plain HTTP URL http://status.vendor.example.net reaches http.Get with no credential in the request`
}

// Near miss: a thumbnail URL from a function, fetched with only a user agent.
func thumbnailURL(id string) string {
	return "http://image.vendor.example.net/" + id + "/thumb.jpg" // want `plain HTTP URL http://image.vendor.example.net reaches http.NewRequestWithContext with no credential in the request`
}

func thumbnail(ctx context.Context, id string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, thumbnailURL(id), nil)
	req.Header.Set("User-Agent", "vendor-go/1.0")
	req.Header.Set("Content-Type", "application/json")
	http.DefaultClient.Do(req)
}

// Near miss: a ping with a body and no credential.
func ping(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://hooks.vendor.example.net/ping", strings.NewReader("{}")) // want `plain HTTP URL http://hooks.vendor.example.net reaches http.NewRequestWithContext with no credential in the request`
	http.DefaultClient.Do(req)
}

// Near miss: a url.URL with a plain scheme, fetched without a credential.
func feed() {
	u := url.URL{Scheme: "http", Host: "feeds.vendor.example.net", Path: "/rss"} // want `url.URL with scheme "http" \(http://feeds.vendor.example.net\) reaches http.Get with no credential in the request`
	http.Get(u.String())
}
