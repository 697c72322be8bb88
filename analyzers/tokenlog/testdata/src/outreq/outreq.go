// Package outreq logs the headers of requests. Near misses log the
// headers of requests the package builds itself and puts no credential
// in (outreq.go); positives log an incoming request's headers, or a
// request the package did not build.
package outreq

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"
)

type API struct {
	client *http.Client
	last   *http.Request
}

// --- near misses ---

// A conditional download: Accept-Encoding and If-None-Match only.
func (a *API) Download(ctx context.Context, url, etag string) error { // want Download:`error of request param 2 is result 0`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("If-None-Match", etag)
	resp, err := a.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	log.Printf("request headers %v, response headers %v", req.Header, resp.Header)
	return nil
}

// pomerium's shape: the request is wrapped in a struct by a helper.
type downloadRequest struct {
	*http.Request
	id string
}

func (a *API) newDownload(ctx context.Context, url string) (*downloadRequest, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return nil, err
	}
	return &downloadRequest{Request: req, id: url}, nil
}

func (a *API) Head(ctx context.Context, url string) error {
	req, err := a.newDownload(ctx, url)
	if err != nil {
		return err
	}
	resp, err := a.client.Do(req.Request)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	log.Printf("head %v", req.Header)
	return nil
}

// A helper that returns the request it built.
func newPing(url string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, url, nil)
}

func (a *API) Ping(url string) {
	req, err := newPing(url)
	if err != nil {
		return
	}
	log.Printf("ping %v", req.Header)
}

// A request built here, printed whole (helm-dashboard's search
// request): its headers are User-Agent only.
func (a *API) Search(url string) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return
	}
	req.Header.Set("User-Agent", "outreq/1.0")
	log.Printf("making request %v", req)
	resp, err := a.client.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}

// --- positives ---

// An incoming request printed whole.
func (a *API) trace(w http.ResponseWriter, r *http.Request) {
	log.Printf("request %v", r) // want `\*http.Request with credential field Header is printed whole by log.Printf`
}

// An incoming request carries the caller's Authorization and Cookie.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	log.Printf("headers %v", r.Header) // want `request headers with their Authorization and Cookie values reaches log.Printf`
	a.last = r
}

// A field that also holds an incoming request.
func (a *API) Replay(ctx context.Context, url string) {
	if a.last == nil {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return
		}
		a.last = req
	}
	log.Printf("replay %v", a.last.Header) // want `request headers with their Authorization and Cookie values reaches log.Printf`
}

// A request made by a function value the package does not see into.
func (a *API) Made(mk func() *http.Request) {
	req := mk()
	log.Printf("made %v", req.Header) // want `request headers with their Authorization and Cookie values reaches log.Printf`
}

// A debug dump of a request built here with no credential header
// (telegraf's OpenTSDB output): Content-Type and Content-Encoding; the
// user info of its URL is not part of a dump.
func (a *API) Send(host, user, password string, debug bool) error {
	u := url.URL{Scheme: "https", User: url.UserPassword(user, password), Host: host, Path: "/api/put"}
	req, err := http.NewRequest(http.MethodPost, u.String(), nil)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if debug {
		dump, err := httputil.DumpRequestOut(req, false)
		if err != nil {
			return err
		}
		fmt.Printf("Sending metrics:\n%s", dump)
	}
	resp, err := a.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
