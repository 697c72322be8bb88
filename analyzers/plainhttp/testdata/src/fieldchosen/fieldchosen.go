// Package fieldchosen builds a verifying client and an insecure one and
// keeps both in fields; the insecure one is the user's choice when every
// read of its field is under the caller's opt-in.
package fieldchosen

import (
	"crypto/tls"
	"net/http"
	"time"
)

type Fetcher struct {
	client         *http.Client
	insecureClient *http.Client
}

// Note: read only when the caller allows it.
func NewFetcher(timeout time.Duration) *Fetcher {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `tls.Config InsecureSkipVerify is set from a user-controlled value`
	return &Fetcher{
		client:         &http.Client{Timeout: timeout},
		insecureClient: &http.Client{Timeout: timeout, Transport: transport},
	}
}

func (f *Fetcher) Fetch(url string, allowInsecure bool) (*http.Response, error) {
	c := f.client
	if allowInsecure {
		c = f.insecureClient
	}
	return c.Get(url)
}

// Near miss: the skipping client is read unconditionally too.
type Mirror struct {
	plain *http.Client
	fast  *http.Client
}

func NewMirror() *Mirror {
	return &Mirror{
		plain: http.DefaultClient,
		fast:  &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}, // want `tls.Config sets InsecureSkipVerify to true`
	}
}

func (m *Mirror) Get(url string, insecure bool) (*http.Response, error) {
	if insecure {
		return m.fast.Get(url)
	}
	return m.fast.Head(url)
}

// Near miss: the field is never read in the package.
type Exported struct {
	Insecure *http.Client
}

func NewExported() *Exported {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `tls.Config sets InsecureSkipVerify to true`
	return &Exported{Insecure: &http.Client{Transport: tr}}
}

// Note: a package map of clients keyed by the user's option
// (argo-workflows' HTTP templates).
var clientSkip = &http.Client{
	Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `tls.Config InsecureSkipVerify is set from a user-controlled value`
	},
}

var clients = map[bool]*http.Client{
	false: http.DefaultClient,
	true:  clientSkip,
}

type Template struct {
	URL                string
	InsecureSkipVerify bool
}

func send(t Template, req *http.Request) (*http.Response, error) {
	return clients[t.InsecureSkipVerify].Do(req)
}

// Near miss: the key is not the user's opt-in.
var regionalSkip = &http.Client{
	Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `tls.Config sets InsecureSkipVerify to true`
	},
}

var byRegion = map[bool]*http.Client{
	false: http.DefaultClient,
	true:  regionalSkip,
}

func sendRegional(eu bool, req *http.Request) (*http.Response, error) {
	return byRegion[eu].Do(req)
}
