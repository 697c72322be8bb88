// Package placeholder is the fixture of placeholder.go: a base-URL
// field, variable or constant that holds the bare reserved example
// domain, or a host under .example or .invalid, is a placeholder;
// a service name under example.com is a stand-in for a real host, and
// any of them reaching a client call is reported.
package placeholder

import (
	"net/http"
	"text/template"

	"golang.org/x/oauth2"
)

type ValidationContext struct {
	FromAddress string
	BaseURL     string
}

// --- near misses ---

// gophish: a template is validated against a dummy context.
func ValidateTemplate(text string) error {
	vc := ValidationContext{
		FromAddress: "foo@bar.com",
		BaseURL:     "http://example.com",
	}
	t, err := template.New("t").Parse(text)
	if err != nil {
		return err
	}
	return t.Execute(nopWriter{}, vc)
}

type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }

var defaultBaseURL = "http://www.example.org/"

const hookBaseURL = "http://callback.invalid/hook"

func configured() string { return defaultBaseURL + hookBaseURL }

// goth's faux provider: an OAuth2 endpoint filled with the bare example
// domain for tests; no request is made where it is written.
func fauxConfig() *oauth2.Config {
	return &oauth2.Config{
		Endpoint:    oauth2.Endpoint{AuthURL: "http://example.com/auth"},
		RedirectURL: "http://www.example.org/callback",
	}
}

// --- positives ---

// An OAuth2 endpoint with a service name under example.com, and one
// with a real-looking host.
func standIn() oauth2.Endpoint {
	return oauth2.Endpoint{
		AuthURL:  "http://auth.example.com/oauth/authorize", // want `plain HTTP URL http://auth.example.com reaches oauth2.Endpoint.AuthURL`
		TokenURL: "http://login.vendor-id.io/token",         // want `plain HTTP URL http://login.vendor-id.io reaches oauth2.Endpoint.TokenURL`
	}
}

// A service name under example.com stands for a real host.
var apiBaseURL = "http://api.example.com/v1" // want `variable apiBaseURL holds plain HTTP URL http://api.example.com`

// The bare example domain reaching a client: traffic is the evidence.
func fetch() (*http.Response, error) {
	return http.Get("http://example.com/feed") // want `plain HTTP URL http://example.com reaches http.Get`
}

// A real-looking host in the same field.
func real() ValidationContext {
	return ValidationContext{BaseURL: "http://mail.corp-portal.net"} // want `field BaseURL holds plain HTTP URL http://mail.corp-portal.net`
}
