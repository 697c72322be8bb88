// Package plainhttp defines an Analyzer that reports API traffic not
// protected by TLS.
//
// # Analyzer plainhttp
//
// plainhttp: report API traffic that is not protected by TLS
//
// It has these rules.
//
// plainhttp/url reports an http:// (or ws://) URL that reaches an HTTP or
// WebSocket client: http.Get, Head, Post, PostForm, http.NewRequest(WithContext),
// the methods of *http.Client, gorilla/websocket, nhooyr.io and
// coder/websocket and x/net/websocket dials, oidc.NewProvider, jwk.Fetch,
// go-resty, the fields of oauth2.Endpoint (AuthURL, TokenURL,
// DeviceAuthURL), oauth2.Config.RedirectURL and
// clientcredentials.Config.TokenURL. It also reports an http:// URL held
// by a constant, variable, struct field or parameter whose name says it
// is a base URL (BaseURL, apiEndpoint, TokenURI, ServerHost, APIBase; a
// parameter of a function of another module counts too, by its name in
// the signature) or used as the base of ResolveReference or JoinPath.
//
// The value is followed within the package: through constants (also
// those declared in another file), local and package variables, struct
// fields set anywhere in the package, parameters of the package's
// functions at their call sites, results of the package's functions,
// "+" concatenation, fmt.Sprintf with a known format, url.JoinPath,
// path.Join, url.Parse, (*url.URL).String and ResolveReference,
// strings.TrimSuffix and cmp.Or. The finding points at the literal that
// introduces the scheme, and each literal is reported once per package
// even when it reaches several clients. A suggested fix adds the "s":
// https://, wss:// (not offered when the URL names a port, where the
// scheme change alone would rarely be right). A URL sent through a
// client that decides the scheme itself is the client's choice, not
// the code's, and is not reported: the request made from it, or the
// variable holding it, is passed in the same function to a function
// (of any package of the module, through a fact) that assigns a
// url.URL's Scheme a value other than "http" (a cluster client whose
// Do sets req.URL.Scheme from its TLS setting, a NormalizeURL helper),
// or to a method of the package's own interface whose every
// implementation boxed in the package does (schemeclient.go). A
// constant of another
// package reaching a client is reported at its use, without a fix, unless
// its name says it is a base URL, in which case its own package reports
// it.
//
// Bad:
//
//	const apiBase = "http://api.example.com/v1"
//	resp, err := http.Get(apiBase + "/users")
//
// Good:
//
//	const apiBase = "https://api.example.com/v1"
//
// plainhttp/skip-verify reports tls.Config{InsecureSkipVerify: true} and
// cfg.InsecureSkipVerify = true, unless the same literal (or, for an
// assignment, the same function; for a literal, the function on the same
// config after it) sets VerifyPeerCertificate or VerifyConnection, which
// replace the checks, or the function (or every caller of the helper that
// makes the config) refuses unless a certificate digest matches a pinned
// fingerprint (pinned.go).
//
// plainhttp/skip-verify-opt-in notes InsecureSkipVerify set from a value
// the user controls (a flag of flag, pflag, cobra, urfave/cli or kingpin,
// an environment variable, a global or field bound to a flag, a field
// named as an insecure option, or an if or a case of a switch without a
// tag on such a value; also a helper called, or a package variable or
// a struct field (a constructor's insecureClient beside its client)
// read, only under such a value, or kept under true in a package
// map[bool] of clients indexed only by such a value), and a true in
// a TLS probing tool: code that reads PeerCertificates of a client
// connection's state in the same function, or anywhere in a command.
//
// plainhttp/cipher-suite reports a CipherSuites list written in a
// tls.Config literal, assigned to the field or held in a slice variable
// (every assignment a literal or an append) that enables a suite crypto/tls itself lists as
// insecure (tls.InsecureCipherSuites, matched by constant value), unless
// the literal's MinVersion is TLS 1.3, the list is chosen under a
// condition the user controls, or the code is a TLS probe or test
// support (ciphers.go).
//
// plainhttp/grpc-insecure reports a grpc.Dial, DialContext or NewClient
// call that turns transport security off (WithInsecure, or
// WithTransportCredentials(insecure.NewCredentials())) and attaches
// WithPerRPCCredentials in the same call or in a local options slice
// spread into it (grpcopts.go), unless the target is local, a
// unix socket or (without -internal) in-cluster, or the credentials'
// RequireTransportSecurity returns true (grpc.go). An OTLP exporter
// built with WithInsecure and credential headers is reported the same
// way (otlp.go); its HTTP form as plainhttp/url.
//
// plainhttp/url-no-credential notes a literal public plain-HTTP host
// whose request carries no visible credential (nocred.go).
//
// plainhttp/tls-version reports a MinVersion or MaxVersion below TLS 1.2
// (tls.VersionSSL30, VersionTLS10, VersionTLS11), by constant value, with
// a fix to tls.VersionTLS12 (MinVersion) or tls.VersionTLS13
// (MaxVersion).
//
// Field values that are not constants in the source are followed through
// the package's SSA form (built only when such a value is met): a local
// variable that only constants reach, directly or set in branches, is
// judged like the constant (the lowest version counts); a constant set
// only under a condition the user controls is the user's choice.
//
// # Left alone on purpose
//
// Hosts that are local or that TLS cannot reach: localhost, *.localhost,
// 127.0.0.0/8, [::1], 0.0.0.0 and [::], host.docker.internal and its
// siblings, and listener addresses (ln.Addr()).
//
// Cloud metadata services and link-local addresses (169.254.169.254,
// metadata.google.internal, fd00:ec2::254, 100.100.100.200): they are
// plain HTTP by design, and a finding there could not be fixed.
//
// In-cluster and private-network hosts, unless -internal is set:
// single-label service names (http://prometheus:9090,
// http://auth-service/token), names under .internal, .local, .svc,
// .cluster.local, .consul, .lan and similar, and private IPs (10/8,
// 172.16/12, 192.168/16, fc00::/7). Traffic inside a cluster is often
// protected by a service mesh and is a different decision from traffic
// across the internet; reporting it by default would bury the findings
// that matter.
//
// URLs that are plain HTTP by design or never fetched: XML, JSON and RDF
// namespaces and schema identifiers (www.w3.org, json-schema.org,
// schemas.xmlsoap.org, purl.org and others), licence URLs, OCSP and CRL
// responders (their responses are signed), captive-portal probes and ACME
// HTTP-01 challenges.
//
// A host known only at run time whose name says it is in-cluster
// ("http://" + fe.checkoutSvcAddr; words svc, internal, cluster, sidecar,
// mesh, local, pod, k8s) counts as an in-cluster host.
//
// A URL written in a branch that chooses the transport (if !cfg.UseHTTPS
// { base = "http://…" }; a condition naming https, tls, ssl, secure,
// plain or scheme) is an operator's explicit choice, as is a scheme read
// from configuration.
//
// A request built by http.NewRequest that is only handed to a handler
// in the same function (h.ServeHTTP(w, req)) never crosses a network. An
// argument of a function that examines URLs (IsRedirectURISecure,
// ValidateURI, ParseBaseURL) is not a base URL, whatever its parameter
// is called.
//
// In _test.go files (analyzed only when the driver includes tests) only
// URLs that reach a client count: a name says nothing there, and a
// request must be seen to leave the test (a Do, RoundTrip or Send call,
// or a package function that makes one).
//
// URLs that reach no client: in comments, docs, struct tags, error and
// log messages, comparisons and scheme checks such as
// strings.HasPrefix(u, "http://"), and "http://" prefixes with no host.
// A URL whose scheme is chosen at run time ("http" or "https" from
// configuration) is not a fixed plain-HTTP URL and is not reported.
//
// Names are weaker evidence than a client call, so a base-URL name needs
// a concrete host: "http://%s" or "http://{host}" in a BaseURL constant
// is a template and is left alone. At a client call the scheme is what
// matters: fmt.Sprintf("http://%s:%d/v1", host, port) passed to
// http.NewRequest is reported, since no deployment can make that request
// use TLS. Names of documentation, home-page, licence, schema, image,
// proxy and CORS-origin URLs (docsURL, LicenseURL, proxyURL,
// allowedOrigins) and bare URL fields of data records are not base URLs.
// A name ending in URI needs an API word too (TokenURI, ServiceURI):
// RFC 3986 calls every identifier a URI, and AbsCaptureTimeURI names an
// RTP header extension, never fetched.
//
// The mission of plainhttp/url is a plain-HTTP API URL that sends a
// credential in clear text. A literal public host reaching a client call
// whose request visibly carries no credential (nor a password in the
// URL) is the note plainhttp/url-no-credential: a public page, status
// probe or ping is as often plain HTTP by design; held by a base-URL
// name or reaching any request that carries a credential it stays
// plainhttp/url. A host known only at run time ("http://" +
// adminAddr, an upstream from configuration) is as often a local or
// in-cluster peer, so at a client call it is reported only when the
// request visibly carries a credential: a credential header set or added
// (Authorization, X-API-Key, or any header given a credential value), a
// "Bearer "/"Basic " literal, SetBasicAuth, AddCookie, a credential query
// parameter, or an oauth2/clientcredentials client, in the function that
// makes the request, a package function it hands the request to, or the
// caller of a helper that returns it.
//
// A url.URL literal whose scheme may change before use is not a fixed
// "http": its Scheme field is assigned later, or the URL is handed to a
// function outside the standard library that may rewrite it (an
// interface method, another module's function, or a function of the
// package that assigns a Scheme), as health checks do for TLS upstreams.
//
// InsecureSkipVerify in test-support code is left alone: a _test.go
// file, a package such as …test, testutil or mock…, a file of test
// helpers or a function taking *testing.T (authvet's one definition,
// internal/testsupport) exists to drive tests against the self-signed
// servers it starts.
//
// InsecureSkipVerify set from a value known only at run time that is
// not the user's (a parameter, a field with another name), or set to
// true inside an if whose condition names the opt-in (if devMode), is an
// operator's explicit choice and is not reported.
//
// # Flags
//
// -allow-hosts takes a comma-separated list of extra hosts to leave
// alone: an exact host (legacy.example.com) or a suffix (.lab.example or
// *.lab.example).
//
// -internal also reports in-cluster and private-network hosts.
package plainhttp

const doc = `report API traffic that is not protected by TLS

plainhttp/url reports an http:// or ws:// URL that reaches an HTTP or
WebSocket client (http.Get, http.NewRequest, *http.Client methods,
websocket dials, oauth2.Endpoint and oauth2.Config.RedirectURL, OIDC
discovery) or is held by a constant, variable, field or parameter named as
a base URL (BaseURL, APIEndpoint, TokenURL). The value is followed through
constants, variables, fields, parameters, concatenation, fmt.Sprintf,
url.JoinPath and url.Parse within the package, and reported at the literal.
plainhttp/skip-verify reports tls.Config InsecureSkipVerify set to true
without a VerifyPeerCertificate or VerifyConnection replacement.
plainhttp/skip-verify-opt-in notes InsecureSkipVerify set from a flag, an
environment variable or an insecure option, in a helper called or a package
variable read only under such an option, or in a TLS probing tool.
plainhttp/tls-version reports MinVersion or MaxVersion below TLS 1.2,
also through local variables that only constants reach; a legacy profile
offered beside stronger ones (a switch on a run-time profile name) is left
alone.

Local hosts, cloud metadata services, in-cluster and private hosts (unless
-internal), namespaces and schema URIs, OCSP/CRL responders, and URLs only
printed, logged or compared are left alone. -allow-hosts adds hosts.`
