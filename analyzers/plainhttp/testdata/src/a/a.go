package a

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"strconv"
	"strings"

	"example.com/sdk"
)

func direct(ctx context.Context, c *http.Client) {
	http.Get("http://api.example.com/users")                                // want `plain HTTP URL http://api.example.com reaches http.Get with no credential in the request; use https://`
	http.Head("HTTP://API.EXAMPLE.COM/users")                               // want `plain HTTP URL http://api.example.com reaches http.Head`
	http.Post("http://api.example.com/users", "text/plain", nil)            // want `reaches http.Post`
	http.PostForm("http://api.example.com/login", nil)                      // want `reaches http.PostForm`
	http.NewRequest("GET", "http://api.example.com/x", nil)                 // want `reaches http.NewRequest`
	http.NewRequestWithContext(ctx, "GET", "http://api.example.com/y", nil) // want `reaches http.NewRequestWithContext`
	c.Get("http://api.example.com/z")                                       // want `reaches \(\*http.Client\).Get`
	c.Post("http://api.example.com:8080/z", "", nil)                        // want `plain HTTP URL http://api.example.com:8080 reaches \(\*http.Client\).Post`
	http.Get("http://203.0.113.7/status")                                   // want `plain HTTP URL http://203.0.113.7 reaches`

	// Near misses.
	http.Get("https://api.example.com/users")            // https
	http.Get("http://localhost:8080/health")             // loopback
	http.Get("http://127.0.0.2/health")                  // loopback range
	http.Get("http://[::1]:9000/")                       // IPv6 loopback
	http.Get("http://app.localhost/")                    // *.localhost
	http.Get("http://0.0.0.0:8080/")                     // unspecified
	http.Get("http://host.docker.internal:8080/")        // the container's host
	http.Get("http://169.254.169.254/latest/meta-data/") // cloud metadata, HTTP only by design
	http.Get("http://metadata.google.internal/computeMetadata/v1/")
	http.Get("http://prometheus:9090/api/v1/query") // single-label in-cluster service
	http.Get("http://users.default.svc.cluster.local/v1")
	http.Get("http://10.0.3.4:8500/v1/kv") // private network
	http.Get("http://ocsp.digicert.com/")  // OCSP is signed, HTTP by design
	http.Get("http://www.w3.org/2001/XMLSchema")
	http.Get("http://connectivitycheck.gstatic.com/generate_204") // captive-portal probe
	http.NewRequest("GET", "http://", nil)                        // no host
}

// The const comes from consts.go and is joined with a path.
func viaConstInOtherFile() {
	http.Get(apiBase + "/users")
	joined, _ := url.JoinPath(apiBase, "orders")
	http.Get(joined)
	http.Get(path.Join(apiBase, "orders"))
}

func viaLocals(id string) {
	u := "http://api.example.com/items/" + id // want `reaches http.Get`
	http.Get(u)

	base := "http://catalog.example.com" // want `variable base holds plain HTTP URL http://catalog.example.com`
	full := fmt.Sprintf("%s/items/%s", base, id)
	http.NewRequest("GET", full, nil)

	// Near miss: the same URL only logged, printed and returned as an error.
	v := "http://audit.example.com/log"
	log.Printf("posting to %s", v)
	fmt.Println(v)
	_ = errors.New("cannot reach http://audit.example.com")
	_ = fmt.Errorf("fetch %s: failed", "http://audit.example.com/x")

	// Near miss: only compared and trimmed.
	if strings.HasPrefix(id, "http://") {
		id = strings.TrimPrefix(id, "http://")
	}
	if id == "http://evil.example.com" {
		return
	}
}

func viaSprintf(host string, port int, token string) {
	// The scheme is fixed, whatever the host turns out to be, and the
	// token travels in the query.
	http.Get(fmt.Sprintf("http://%s:%d/v1/status?access_token=%s", host, port, token)) // want `plain HTTP URL http://… with a run-time host reaches http.Get`

	// Near miss: the same run-time host, but the request carries no
	// credential (a status probe of a peer that may well be local).
	http.Get(fmt.Sprintf("http://%s:%d/v1/status", host, port))

	// Near miss: the scheme comes from configuration.
	scheme := "https"
	if os.Getenv("PLAIN") != "" {
		scheme = "http"
	}
	http.Get(fmt.Sprintf("%s://%s/v1", scheme, host))

	// Near miss: loopback with a port known at run time.
	http.Get("http://localhost" + os.Getenv("PORT") + "/health")

	// But a public host with a run-time port is still plain HTTP.
	http.Get("http://api.example.com" + os.Getenv("PORT") + "/health") // want `plain HTTP URL http://api.example.com reaches http.Get`

	// Near miss: a run-time label inside the host name.
	http.Get("http://api-" + os.Getenv("ENV") + ".localhost/health")

	// Near miss: the host is a constant loopback.
	http.Get(fmt.Sprintf("http://%s:%d/", "localhost", port))
}

func viaDefault() {
	u := cmp.Or(os.Getenv("API_URL"), "http://api.example.com") // want `reaches http.Get`
	http.Get(u)

	// Near miss: the default is local.
	w := os.Getenv("WORKER_URL")
	if w == "" {
		w = "http://localhost:7070"
	}
	http.Get(w)
}

// A client whose base URL is a field set by its constructor.
type Client struct {
	hc   *http.Client
	base *url.URL
	root string
}

func NewClient() (*Client, error) {
	b, err := url.Parse("http://inventory.example.com/api/") // want `field base holds plain HTTP URL http://inventory.example.com`
	if err != nil {
		return nil, err
	}
	return &Client{hc: http.DefaultClient, base: b, root: "http://stock.example.com"}, nil // want `plain HTTP URL http://stock.example.com reaches \(\*http.Client\).Get`
}

func (c *Client) endpoint(p string) *url.URL {
	return c.base.ResolveReference(&url.URL{Path: p})
}

func (c *Client) Items() {
	http.NewRequest("GET", c.endpoint("items").String(), nil)
	c.hc.Get(c.root + "/levels")
}

// get's URL parameter is filled in by its callers.
func get(u string) { http.Get(u) }

func callers() {
	get("http://reports.example.com/daily") // want `reaches http.Get`
	get("http://127.0.0.1:9999/daily")      // near miss: loopback
}

// A url.URL literal with a plain scheme.
func urlLiteral() {
	u := url.URL{Scheme: "http", Host: "api.example.com", Path: "/v1"} // want `url.URL with scheme "http" \(http://api.example.com\) reaches http.Get with no credential in the request; use "https"`
	http.Get(u.String())

	// Near miss: the scheme is https.
	s := url.URL{Scheme: "https", Host: "api.example.com"}
	http.Get(s.String())
}

// A host joined with its port: the host decides. Loopback stays on the
// machine (a kubelet's read-only port); a public host does not.
func joinedHost(port int, token string) {
	local := url.URL{Scheme: "http", Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(port))} // silent: loopback
	req, _ := http.NewRequest("GET", local.String(), nil)
	req.Header.Set("Authorization", "Bearer "+token)
	http.DefaultClient.Do(req)

	v6 := url.URL{Scheme: "http", Host: net.JoinHostPort("::1", "10255")} // silent: loopback
	http.Get(v6.String())

	remote := url.URL{Scheme: "http", Host: net.JoinHostPort("kubelet.example.com", strconv.Itoa(port))} // want `url.URL with scheme "http" \(http://kubelet.example.com\) reaches http.NewRequest`
	req, _ = http.NewRequest("GET", remote.String(), nil)
	req.Header.Set("Authorization", "Bearer "+token)
	http.DefaultClient.Do(req)
}

// Base URLs given to an SDK: by parameter name and setter name.
func sdkClient() {
	sdk.NewClient("http://sdk.example.com", "tok")      // want `argument baseURL of NewClient holds plain HTTP URL http://sdk.example.com`
	sdk.WithEndpoint("http://edge.example.com")         // want `argument of WithEndpoint holds plain HTTP URL http://edge.example.com`
	_ = sdk.Options{BaseURL: "http://opts.example.com"} // want `field BaseURL holds plain HTTP URL http://opts.example.com`

	// Near misses: a link opened in a browser; an https base; a local base.
	sdk.OpenInBrowser("http://help.example.com")
	sdk.NewClient("https://sdk.example.com", "tok")
	sdk.NewClient("http://localhost:4000", "tok")

	// A constant of another package reaching a client is reported at
	// its use, unless its name says it is a base URL (its own package
	// reports that one).
	http.Get(sdk.DefaultURL) // want `constant sdk.DefaultURL holds plain HTTP URL http://sdk.example.com and reaches http.Get`
	http.Get(sdk.DefaultBaseURL)
}

type config struct {
	APIURL   string
	Homepage string
}

func fields() {
	var c config
	c.APIURL = "http://config.example.com"    // want `field APIURL holds plain HTTP URL`
	c.Homepage = "http://www.example.com"     // near miss: not a base URL name
	baseURL := "http://local-var.example.com" // want `variable baseURL holds plain HTTP URL`
	_ = baseURL
	_ = c
}

// A base URL that ResolveReference treats as such.
func resolveBase(rel *url.URL) *url.URL {
	b, _ := url.Parse("http://resolve.example.com/") // want `base URL of ResolveReference holds plain HTTP URL http://resolve.example.com`
	return b.ResolveReference(rel)
}

// Near miss: a request built for a handler, served in process.
func handlerTest(h http.Handler, w http.ResponseWriter, hf http.HandlerFunc) {
	req, _ := http.NewRequest("GET", "http://example.com/users", nil)
	h.ServeHTTP(w, req)
	r2, _ := http.NewRequest("GET", "http://example.com/items", nil)
	hf(w, r2)
}

// Near miss: an error page fetched from an in-process handler with the
// incoming request's context (traefik's customerrors middleware).
func errorPage(h http.Handler, w http.ResponseWriter, in *http.Request, host string) {
	page, err := http.NewRequest("GET", "http://"+host+"/errors/500", nil)
	if err != nil {
		return
	}
	page.Header.Set("Authorization", in.Header.Get("Authorization"))
	h.ServeHTTP(w, page.WithContext(in.Context()))
}

// The same request also sent by a client, with its context, is traffic.
func errorPageFetched(w http.ResponseWriter, in *http.Request, host string) {
	page, _ := http.NewRequest("GET", "http://"+host+"/errors/500", nil) // want `reaches http.NewRequest`
	page.Header.Set("Authorization", in.Header.Get("Authorization"))
	resp, err := http.DefaultClient.Do(page.WithContext(in.Context()))
	if err == nil {
		resp.Body.Close()
	}
}

// The same request also sent by a client is traffic.
func handlerAndClient(h http.Handler, w http.ResponseWriter) {
	req, _ := http.NewRequest("GET", "http://mirror.example.com/users", nil) // want `reaches http.NewRequest`
	h.ServeHTTP(w, req)
	http.DefaultClient.Do(req)
}

var useHTTPS = true

// Near miss: the plain scheme is an explicit option.
func fetchPage() {
	base := "https://speed.example.com"
	if !useHTTPS {
		base = "http://speed.example.com"
	}
	http.Get(base)
}

type settings struct {
	PlainHTTP bool
	APIURL    string
}

// Near miss: the branch chooses plain HTTP on purpose.
func configure(s *settings) {
	if s.PlainHTTP {
		s.APIURL = "http://api.example.com"
		http.Get("http://api.example.com/ping")
	}
}

type frontend struct {
	assistantSvcAddr string
	partnerAddr      string
	partnerKey       string
}

func (fe *frontend) ask() {
	// Near miss: a run-time address named as an in-cluster service.
	http.NewRequest("POST", "http://"+fe.assistantSvcAddr, nil)
	// A run-time address with no such name, and the request carries
	// the partner's API key.
	req, _ := http.NewRequest("POST", "http://"+fe.partnerAddr+"/v1", nil) // want `with a run-time host reaches http.NewRequest`
	req.Header.Set("X-API-Key", fe.partnerKey)
	http.DefaultClient.Do(req)
}

// Near miss: a CLI talking to its own daemon's control endpoint, whose
// address comes from a flag (local by default). Nothing secret is sent,
// so the run-time host is not assumed to be a remote API.
func controlRequest(ctlAddr, path string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, "http://"+ctlAddr+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return http.DefaultClient.Do(req)
}

// A helper builds the request and its caller adds the bearer token: the
// credential is one step away, still reported.
func (fe *frontend) newPartnerRequest(path string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, "http://"+fe.partnerAddr+path, nil) // want `with a run-time host reaches http.NewRequest`
}

func (fe *frontend) partnerOrders() (*http.Response, error) {
	req, err := fe.newPartnerRequest("/orders")
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+fe.partnerKey)
	return http.DefaultClient.Do(req)
}

// schemeOverrider is a transport that knows whether its peers speak TLS.
type schemeOverrider interface{ OverrideScheme(u *url.URL) }

// Near miss: a probe URL built with a default "http" that a transport
// may switch to https before use: the scheme is not fixed here.
func probe(t schemeOverrider, peer string) {
	u := &url.URL{Scheme: "http", Host: peer, Path: "/healthz"}
	t.OverrideScheme(u)
	http.NewRequest(http.MethodGet, u.String(), nil)
}

// But a url.URL handed only to a helper of this package that leaves the
// scheme alone keeps its "http", and the public host is reported.
func logURL(u *url.URL) { fmt.Println(u.Host) }

func fetchReport() {
	u := &url.URL{Scheme: "http", Host: "reports.example.com", Path: "/daily"} // want `url.URL with scheme "http"`
	logURL(u)
	http.NewRequest(http.MethodGet, u.String(), nil)
}

// Near miss: a validator examines the URL, it does not call it.
func validate() { sdk.DefaultValidateURI("http://www.example.com", "http://www.example.com/cb") }

// Near miss: a document's base URL for resolving links.
func resolveToAbsoluteURL(baseURL, href string) string { return baseURL + href }

func feedLinks() string {
	return sdkResolve("http://feeds.example.org", "/item")
}

func sdkResolve(baseURL, href string) string { return resolveToAbsoluteURL(baseURL, href) }

// Near miss: a local variable named for media, not an API.
func media() {
	mediaURL := "http://cdn.example.com/a.mp3"
	_ = mediaURL
}

// An "http://" prefix added only so that url.Parse splits an address,
// the scheme then cleared (telegraf's proxy dialer building a CONNECT
// request for the proxy's own connection): no scheme is chosen.
func connectRequest(addr, user, password string) (*http.Request, error) {
	requestURL, err := url.Parse("http://" + addr)
	if err != nil {
		return nil, err
	}
	requestURL.Scheme = ""
	req, err := http.NewRequest(http.MethodConnect, requestURL.String(), nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(user, password)
	return req, nil
}

// Near miss: the parsed URL keeps its scheme.
func parsedRequest(addr, user, password string) (*http.Request, error) {
	u, err := url.Parse("http://" + addr) // want `with a run-time host reaches http.NewRequest`
	if err != nil {
		return nil, err
	}
	u.Path = "/v1/metrics"
	req, err := http.NewRequest(http.MethodPost, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(user, password)
	return req, nil
}
