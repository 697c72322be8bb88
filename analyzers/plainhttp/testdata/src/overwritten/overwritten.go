// Package overwritten: a plain-HTTP default replaced by a TLS URL
// before every read is never used (the "configuration fixed later"
// class); a default read before, beside, or without such a write, or
// replaced only on some paths, is reported as before.
package overwritten

import (
	"errors"
	"fmt"
	"net/http"
)

// rclone's Zoho shape: package defaults, a region setup that replaces
// them (after an early error return) and is called, its error checked,
// before every read, one of them inside a closure.
var (
	rootURL   = "https://workdrive.vendor.eu/api/v1"
	uploadURL = "http://upload.vendor.eu/api/v1/"
)

func setupRegion(region string) error {
	if region == "" {
		return errors.New("no region set")
	}
	rootURL = fmt.Sprintf("https://workdrive.vendor.%s/api/v1", region)
	uploadURL = fmt.Sprintf("https://upload.vendor.%s/api/v1", region)
	return nil
}

func newFs(region string) (*http.Response, error) {
	err := setupRegion(region)
	if err != nil {
		return nil, err
	}
	return http.Get(uploadURL + "/files")
}

func configure(region string) func() (*http.Response, error) {
	if err := setupRegion(region); err != nil {
		return nil
	}
	return func() (*http.Response, error) {
		return http.Get(uploadURL + "/probe")
	}
}

// A local default replaced in the same function.
func localDefault() (*http.Response, error) {
	baseURL := "http://api.vendor.com"
	baseURL = "https://api.vendor.com"
	return http.Get(baseURL + "/v1/items")
}

// A struct field default set again on the same variable before use.
type settings struct {
	endpoint string
	name     string
}

func fieldDefault() (*http.Response, error) {
	s := settings{endpoint: "http://api.vendor.com/v2", name: "x"}
	s.endpoint = "https://api.vendor.com/v2"
	return http.Get(s.endpoint)
}

// A package default replaced directly in the reading function.
var tokenEndpoint = "http://auth.vendor.com/token"

func directDefault() (*http.Response, error) {
	tokenEndpoint = "https://auth.vendor.com/token"
	return http.Get(tokenEndpoint)
}

// Near misses.

// One read is not preceded by the setup.
var mirrorURL = "http://mirror.vendor.com/pub" // want `variable mirrorURL holds plain HTTP URL http://mirror.vendor.com; use https://`

func setupMirror() error {
	mirrorURL = "https://mirror.vendor.com/pub"
	return nil
}

func mirrorAfter() (*http.Response, error) {
	if err := setupMirror(); err != nil {
		return nil, err
	}
	return http.Get(mirrorURL)
}

func mirrorBefore() (*http.Response, error) {
	return http.Get(mirrorURL)
}

// The replacement happens only under a condition.
func conditional(tls bool) (*http.Response, error) {
	apiURL := "http://api.vendor.com/v3" // want `variable apiURL holds plain HTTP URL http://api.vendor.com; use https://`
	if tls {
		apiURL = "https://api.vendor.com/v3"
	}
	return http.Get(apiURL)
}

// The replacement comes after the read.
func tooLate() (*http.Response, error) {
	serverURL := "http://files.vendor.com" // want `variable serverURL holds plain HTTP URL http://files.vendor.com; use https://`
	resp, err := http.Get(serverURL)
	serverURL = "https://files.vendor.com"
	_ = serverURL
	return resp, err
}

// The setup replaces the default only under a condition of its own.
var statusURL = "http://status.vendor.com" // want `variable statusURL holds plain HTTP URL http://status.vendor.com; use https://`

func setupStatus(secure bool) error {
	if secure {
		statusURL = "https://status.vendor.com"
	}
	return nil
}

func status() (*http.Response, error) {
	if err := setupStatus(false); err != nil {
		return nil, err
	}
	return http.Get(statusURL)
}

// The field is set again on another variable.
type options struct {
	endpoint string
}

func otherVariable() (*http.Response, error) {
	a := options{endpoint: "http://api.vendor.com/v4"} // want `field endpoint holds plain HTTP URL http://api.vendor.com; use https://`
	b := options{}
	b.endpoint = "https://api.vendor.com/v4"
	_ = b
	return http.Get(a.endpoint)
}

// An exported default may be read by other packages before the setup.
var PublicURL = "http://public.vendor.com" // want `variable PublicURL holds plain HTTP URL http://public.vendor.com; use https://`

func setupPublic() error {
	PublicURL = "https://public.vendor.com"
	return nil
}

func public() (*http.Response, error) {
	if err := setupPublic(); err != nil {
		return nil, err
	}
	return http.Get(PublicURL)
}

// The default is written back inside the loop that reads it.
func loopBack(n int) {
	pollURL := "http://poll.vendor.com" // want `plain HTTP URL http://poll.vendor.com reaches http.Get`
	pollURL = "https://poll.vendor.com"
	for i := 0; i < n; i++ {
		http.Get(pollURL)
		pollURL = fallbackURL()
	}
}

func fallbackURL() string { return "http://poll.vendor.com" } // want `plain HTTP URL http://poll.vendor.com reaches http.Get`
