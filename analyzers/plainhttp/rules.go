package plainhttp

import "github.com/authvet/authvet/internal/finding"

// Rules is the metadata of every rule plainhttp reports.
var Rules = []finding.Rule{
	{
		ID:    "plainhttp/url",
		Short: "plain http:// or ws:// URL reaches an API client",
		Full: "An http:// or ws:// URL reaches an HTTP or WebSocket client, an OAuth2 endpoint or redirect URL, " +
			"or a constant, variable, field or parameter that names a base URL. Requests, bearer tokens, API keys, " +
			"authorization codes and responses then cross the network unencrypted, where anyone on the path can " +
			"read and change them. Local hosts, cloud metadata services, in-cluster hosts, namespaces and schema " +
			"identifiers are left alone.",
		Help: "An API URL with a plain `http://` (or `ws://`) scheme sends requests and credentials in clear text.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"const apiBase = \"http://api.example.com/v1\"\n\n" +
			"req, _ := http.NewRequest(\"GET\", apiBase+\"/users\", nil)\n" +
			"req.Header.Set(\"Authorization\", \"Bearer \"+token)\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"const apiBase = \"https://api.example.com/v1\"\n" +
			"```\n\n" +
			"Base-URL names end in URL, URI, endpoint, host, server, base or API, or in issuer (an OpenID Connect " +
			"issuer is the base of its discovery, token and userinfo endpoints; a field named just `Issuer`, a token's " +
			"claim, is not one). " +
			"The value is followed through constants (also in other files), variables, struct fields, parameters, " +
			"`+`, `fmt.Sprintf`, `url.JoinPath`, `url.Parse` and the package's own functions (a helper returning its default " +
			"argument when an environment variable is unset returns, at each call, that call's default: " +
			"`FallbackURL: get(\"FALLBACK_URL\", \"http://…\")`, a default that the variable's name, judged as a constant's, " +
			"says is a base URL, whatever field the result goes to: `get(\"PUSH_URL\", \"http://…\")`), and the finding points at the literal; the suggested " +
			"fix turns `http://` into `https://` (`ws://` into `wss://`).\n\n" +
			"**Left alone on purpose**: `localhost`, `127.0.0.0/8`, `[::1]`, `0.0.0.0`, `*.localhost`, " +
			"`host.docker.internal`; cloud metadata services (`169.254.169.254`, `metadata.google.internal`), which are " +
			"plain HTTP by design; in-cluster and private hosts (single-label names such as `http://prometheus:9090`, " +
			"`.internal`, `.local`, `.svc`, private IPs) unless `-internal` is set; XML namespaces and schema URIs " +
			"(`http://www.w3.org/...`, `http://json-schema.org/...`); OCSP and CRL responders; URLs only in comments, " +
			"struct tags, log and error messages, comparisons and `strings.HasPrefix` scheme checks; `http://` " +
			"prefixes with no host, and templates such as `http://{host}` held by a base-URL name. Hosts listed in " +
			"`-allow-hosts` are also left alone. A host known only at run time (`\"http://\" + addr`) is reported at a " +
			"client call only when the request visibly carries a credential (a credential header, `SetBasicAuth`, a " +
			"cookie, a credential query parameter or form field such as `url.Values{\"client_secret\": …}` posted with " +
			"`http.PostForm`, an oauth2 client, or credentials set on a resty client or request: `SetBasicAuth`, " +
			"`SetAuthToken`, a credential `SetHeader`); a literal public host whose request carries none is " +
			"the note `plainhttp/url-no-credential`. A " +
			"`url.URL` whose scheme may be rewritten before use (its `Scheme` assigned, or the URL handed to a function " +
			"that may change it) has no fixed scheme.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-319"},
		SecuritySeverity: 7.5,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "plainhttp/url-no-credential",
		Short: "plain http:// URL with a public host reaches a client, with no credential in the request",
		Full: "An http:// or ws:// URL with a literal public host reaches an HTTP or WebSocket client call, but the " +
			"request carries no visible credential: no credential header, basic auth, cookie, credential query " +
			"parameter, password in the URL or authenticated client where the request is built, sent or handed " +
			"on. A public page, status probe, download or ping is often plain HTTP by design; the response can " +
			"still be read and changed on the way, so this is a note.",
		Help: "A plain-HTTP request that sends nothing secret: check that no credential reaches it later and that " +
			"its response is not trusted.\n\n" +
			"**Bad** (noted)\n\n" +
			"```go\n" +
			"resp, err := http.Get(\"http://status.example.com/api/v2/status.json\")\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"resp, err := http.Get(\"https://status.example.com/api/v2/status.json\")\n" +
			"```\n\n" +
			"**Left alone on purpose**: everything `plainhttp/url` leaves alone. The same literal is " +
			"`plainhttp/url` (a warning) when any request it reaches carries a credential, or when it is held by " +
			"a base-URL name, an OAuth2 endpoint or redirect field, or a base-URL parameter.",
		Level:            finding.LevelNote,
		CWE:              []string{"CWE-319"},
		SecuritySeverity: 3.7,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "plainhttp/skip-verify",
		Short: "tls.Config turns off certificate verification with InsecureSkipVerify",
		Full: "A tls.Config sets InsecureSkipVerify to true without a VerifyPeerCertificate or VerifyConnection " +
			"callback that checks the certificate instead. The client then accepts any certificate for any name, " +
			"so a machine-in-the-middle can read and change the traffic, credentials included, although it is " +
			"encrypted. A library's own TLS settings, a struct of another module with a bool InsecureSkipVerify field " +
			"(Consul's `api.TLSConfig`, turned into a tls.Config inside the library), or a bool Insecure field of a struct " +
			"named for TLS (client-go's `rest.TLSClientConfig`, promoted into `rest.Config`), are judged the same way.",
		Help: "`InsecureSkipVerify: true` accepts any certificate, so TLS no longer proves who the server is.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"pool := x509.NewCertPool()\n" +
			"pool.AppendCertsFromPEM(internalCA)\n" +
			"tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}\n" +
			"```\n\n" +
			"**Left alone on purpose**: a config that also sets `VerifyPeerCertificate` or `VerifyConnection` " +
			"(custom verification, such as certificate pinning); a fetch whose function (or every caller of the helper that makes " +
			"the config) refuses unless a certificate's SHA digest matches a pinned fingerprint; a value known only at run time, or set inside an " +
			"`if` whose condition names the opt-in (`if devMode`), which are an operator's explicit choice; a value " +
			"the user controls (a flag, an environment variable, `cfg.Insecure`, a field filled from one or from a configuration file, " +
			"or a `switch` on such a value) and a TLS probing tool, which are " +
			"`plainhttp/skip-verify-opt-in` notes; and test-support " +
			"code (`_test.go` files, packages such as `…test`, `testutil`, `mock…`, files of test helpers, " +
			"functions taking `*testing.T`), which dials the self-signed servers it starts; a literal whose `InsecureSkipVerify` the same function sets again later (the later write decides). " +
			"A value compared with a string constant (`skip := cfg.Kind == \"iguazio\"`) turns verification off for every peer of that kind and is reported, unless the constant names an opt-in or an environment " +
			"(`\"insecure\"`, `\"skip-verify\"`, `\"dev\"`, `\"production\"`) or a libpq sslmode that does not verify (`\"require\"`).",
		Level:            finding.LevelError,
		CWE:              []string{"CWE-295"},
		SecuritySeverity: 8.1,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "plainhttp/ssh-host-key",
		Short: "an SSH client accepts any host key",
		Full: "An ssh.ClientConfig's HostKeyCallback (or another SSH client's field of type ssh.HostKeyCallback, such as go-git's " +
			"`auth.HostKeyCallback` of its `PublicKeys` and `Password` auth methods, or a variable of that type given to one) is ssh.InsecureIgnoreHostKey(), a function that first accepts every key " +
			"when no host key is configured (`if len(cfg.HostKeys) == 0 { return nil }`: the default then checks nothing), or a function that returns nil " +
			"without looking at the key. The client then logs in to whatever answers at the address, so a " +
			"machine-in-the-middle receives the password, or a session it can use with the client's key, and " +
			"sees and changes everything sent through the connection or tunnel: SSH's counterpart of a TLS client " +
			"with InsecureSkipVerify.",
		Help: "A host-key callback that accepts every key means the SSH server is never authenticated.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"cfg := &ssh.ClientConfig{User: user, Auth: auth, HostKeyCallback: ssh.InsecureIgnoreHostKey()}\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"cb, err := knownhosts.New(filepath.Join(home, \".ssh\", \"known_hosts\"))\n" +
			"cfg := &ssh.ClientConfig{User: user, Auth: auth, HostKeyCallback: cb}\n" +
			"```\n\n" +
			"**Left alone on purpose**: a callback that reads its key or host (known_hosts, a pinned " +
			"`ssh.FixedHostKey`, trust on first use), one set inside an `if` whose condition names the opt-in " +
			"(`if insecure`), one set only when a host-key setting holds its off value (`case opt.KnownHostsFile == \"none\":`, " +
			"`switch cfg.StrictHostKeyChecking { case \"no\": … }`: the user wrote down the opt-out), a probe that logs in with nothing secret " +
			"(an ssh.ClientConfig whose only auth is a constant password equal to its constant user, a health check's `healthcheck`/`healthcheck`), " +
			"a config given directly to `ssh.Dial` of a loopback address (a process logging in to its own SSH listener, `ssh.Dial(\"tcp\", \"localhost:2222\", …)`), and test-support code.",
		Level:            finding.LevelError,
		CWE:              []string{"CWE-295"},
		SecuritySeverity: 8.1,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "plainhttp/skip-verify-opt-in",
		Short: "certificate verification turned off by the user's choice or in a TLS probing tool",
		Full: "A tls.Config sets InsecureSkipVerify from a value the user controls (a command-line flag of flag, pflag, " +
			"cobra, urfave/cli or kingpin, an environment variable, a struct field tagged for one or for a configuration " +
			"file (`envconfig:\"REDIS_SSL_CERT_REQS\"`, `yaml:\"verify\"`), or an option named insecure or skip-verify; " +
			"also a true set in a case of a `switch` on such a value), or " +
			"sets it to true in code that reads the certificates the server presented after the handshake, as TLS " +
			"probing and scanning tools do, or sets it to true in a helper of the package that is called only under such a " +
			"choice (`if cfg.SkipTLSVerify { t.TLSClientConfig = insecureTLS() }`) or only to initialise package variables named " +
			"as the insecure variant (`var ClientInsecure = insecure(newClient())`), or in an exported function named for the " +
			"insecure variant (`NewInsecure`, `SkipVerifyTransport`) that its own package never calls, for other packages " +
			"to choose. Verification is off on purpose, so this is a note: check that the " +
			"option is documented as unsafe and off by default.",
		Help: "Turning verification off is sometimes the user's explicit request (`--insecure`, `-k`) or the job of " +
			"the tool (a certificate expiry checker must connect to servers whose certificates are broken).\n\n" +
			"**Bad** (noted)\n\n" +
			"```go\n" +
			"var insecure = flag.Bool(\"insecure\", false, \"skip certificate verification\")\n" +
			"tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: *insecure}}\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"pool := x509.NewCertPool()\n" +
			"pool.AppendCertsFromPEM(caPEM) // --ca-file instead of --insecure\n" +
			"tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}\n" +
			"```\n\n" +
			"The value is followed through the package's SSA form: a local variable, a global or field bound to " +
			"a flag (`flag.BoolVar(&k, \"k\", …)`), `strconv.ParseBool(os.Getenv(…))`, and an `if` on such a value " +
			"around the assignment. A probing tool is recognised by its types and data flow: it reads " +
			"`PeerCertificates` of the state of a client connection (`(*tls.Conn).ConnectionState()` of a " +
			"dialled connection, or `http.Response.TLS`) in the same function, or anywhere in a command " +
			"(`package main`).\n\n" +
			"**Left alone on purpose**: a value that cannot be decided (a parameter, a field with another " +
			"name), and a server reading its clients' certificates (`http.Request.TLS`), which is no probe: " +
			"a hard-coded `true` next to it stays `plainhttp/skip-verify`.",
		Level:            finding.LevelNote,
		CWE:              []string{"CWE-295"},
		SecuritySeverity: 3.7,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "plainhttp/tls-version",
		Short: "tls.Config allows or caps TLS below version 1.2",
		Full: "A tls.Config sets MinVersion below TLS 1.2 (SSL 3.0, TLS 1.0, TLS 1.1), or MaxVersion below 1.2. " +
			"These versions rely on broken constructions (CBC with MAC-then-encrypt, SHA-1 and MD5 in the " +
			"handshake) and are deprecated by RFC 8996; a peer or attacker can force the connection down to them.",
		Help: "TLS 1.0 and 1.1 are deprecated (RFC 8996) and SSL 3.0 is broken; Go's default minimum is TLS 1.2.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"cfg := &tls.Config{MinVersion: tls.VersionTLS10}\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"cfg := &tls.Config{MinVersion: tls.VersionTLS12}\n" +
			"```\n\n" +
			"The suggested fix replaces the constant with `tls.VersionTLS12` (`MinVersion`) or `tls.VersionTLS13` " +
			"(`MaxVersion`).\n\n" +
			"A local variable is followed through the package's SSA form: `v := uint16(tls.VersionTLS10)`, or " +
			"constants set in branches, are judged like the constant (the lowest one counts), and a later " +
			"assignment that raises it before use is seen.\n\n" +
			"**Left alone on purpose**: a version set from a value known only at run time (a flag, a " +
			"configuration field, a parameter), a constant chosen by a condition on a flag or environment " +
			"variable (`switch *minTLS { case \"1.0\": … }`), a legacy profile offered beside stronger ones (one case of " +
			"a switch on a run-time value, such as a profile name, or of an if/else-if chain comparing one run-time value with " +
			"constants (`if cfg.MinVersion == \"1.0\" {…} else if cfg.MinVersion == \"1.2\" {…}`), whose other cases set TLS 1.2 or later; a switch " +
			"on a parameter that the package itself fills with a constant still counts), a zero value, which " +
			"means Go's default, and a low `MinVersion` in a TLS probing tool (code that reads the server's " +
			"certificates after the handshake), which accepts old versions to report what the server offers.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-326", "CWE-327"},
		SecuritySeverity: 5.3,
		Precision:        finding.PrecisionVeryHigh,
	},
	{
		ID:    "plainhttp/cipher-suite",
		Short: "tls.Config enables cipher suites the standard library lists as insecure",
		Full: "A tls.Config lists in CipherSuites a suite that crypto/tls itself reports as insecure " +
			"(tls.InsecureCipherSuites: RC4, 3DES, CBC with SHA-256), in the literal, assigned to the field, or held in " +
			"a slice variable every assignment of which is a literal or an append. A peer or attacker can then negotiate a " +
			"connection whose encryption is broken or weak, credentials included.",
		Help: "Go's default suites are safe; a hand-written list that adds RC4 or 3DES weakens every connection " +
			"that negotiates them.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"cfg := &tls.Config{CipherSuites: []uint16{tls.TLS_RSA_WITH_RC4_128_SHA, tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA}}\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"cfg := &tls.Config{MinVersion: tls.VersionTLS12} // CipherSuites unset: Go's defaults\n" +
			"```\n\n" +
			"Suites are judged by their constant value against the list of the Go release authvet was built with.\n\n" +
			"**Left alone on purpose**: secure suites; a literal whose `MinVersion` is TLS 1.3, where `CipherSuites` " +
			"is not used; a list chosen under a condition the user controls; TLS probing tools; test-support code.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-326", "CWE-327"},
		SecuritySeverity: 5.3,
		Precision:        finding.PrecisionVeryHigh,
	},
	{
		ID:    "plainhttp/grpc-insecure",
		Short: "gRPC dial without transport security sends per-RPC credentials in clear text",
		Full: "A grpc.Dial, DialContext or NewClient call turns transport security off (grpc.WithInsecure, or " +
			"grpc.WithTransportCredentials(insecure.NewCredentials())) and attaches per-RPC credentials " +
			"(grpc.WithPerRPCCredentials) in the same call, or in a local options slice spread into it. The bearer token or API key then crosses the network " +
			"unencrypted on every call. An OpenTelemetry OTLP gRPC exporter built with WithInsecure() and WithHeaders(…) holding " +
			"a credential header (an API key, basic auth) is reported the same way; the OTLP HTTP exporters' WithInsecure is " +
			"reported as plainhttp/url.",
		Help: "Per-RPC credentials over an insecure gRPC connection are an `http://` base URL with an `Authorization` header.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"conn, err := grpc.Dial(\"inventory.example.com:443\",\n" +
			"\tgrpc.WithTransportCredentials(insecure.NewCredentials()),\n" +
			"\tgrpc.WithPerRPCCredentials(tokenAuth{token: tok}))\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"conn, err := grpc.Dial(\"inventory.example.com:443\",\n" +
			"\tgrpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})),\n" +
			"\tgrpc.WithPerRPCCredentials(tokenAuth{token: tok}))\n" +
			"```\n\n" +
			"**Left alone on purpose**: an insecure dial without per-RPC credentials (a mesh or sidecar secures it); " +
			"a target on the local machine (loopback, `unix:` sockets) or, unless `-internal` is set, in the cluster " +
			"or on a private network; credentials whose `RequireTransportSecurity` returns `true` (gRPC then " +
			"refuses the dial); an insecure transport appended to a local options slice inside a branch (the operator's " +
			"choice); options gathered in a parameter, field or global slice (not followed); OTLP headers handed over " +
			"whole from configuration (`WithHeaders(cfg.Headers)`); test-support code.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-319"},
		SecuritySeverity: 7.5,
		Precision:        finding.PrecisionHigh,
	},
}
