package secrets

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/authvet/authvet/internal/entropy"
	"github.com/authvet/authvet/internal/placeholder"
	"github.com/authvet/authvet/internal/pubexample"
	"github.com/authvet/authvet/internal/testsupport"
	"github.com/authvet/authvet/scanners/gitleaksrules"
)

// This file triages: where a secret sits (production code, tests,
// fixtures, examples, docs, vendored code) and how likely the value is a
// live credential. Neither drops a finding; both lower its level and
// say why.

// Context values.
const (
	ctxProduction = "production"
	ctxTest       = "test"
	ctxFixture    = "fixture"
	ctxExample    = "example"
	ctxDocs       = "docs"
	ctxVendored   = "vendored"
	ctxLocalDev   = "local-dev"
)

var (
	vendoredPath = regexp.MustCompile(`(?:^|/)(?:vendor|Godeps|third_party|third-party|node_modules|bower_components|external)/`)
	fixturePath  = regexp.MustCompile(`(?i)(?:^|/)_?(?:testdata|test[-_]?data|fixtures?|__fixtures__|test[-_]fixtures|mocks?|golden|__snapshots__|\.snapshots|cypress|stubs?|__(?:mocks|stubs|fakes)__)/|\.golden$|(?:^|/)fixtures?[._-]`)
	testPath     = regexp.MustCompile(`(?i)_test\.go$|(?:^|/)(?:tests?|spec|specs|__tests__|e2e|integration[-_]?tests?|testing|testutils?|acceptance(?:[-_]?tests?)?)/|^integration/|[._-](?:test|spec)\.[a-z]+$|(?:^|/)test_[^/]*\.py$|_test\.[a-z]+$|(?:^|/)(?:run[-_]?)?(?:tests?|e2e|integration[-_]tests?)\.(?:sh|bash|zsh|ps1)$|\.bats$|` +
		// The environment a test suite runs with (supabase/auth's
		// hack/test.env, test_asymmetric.env; .env.test, .env.testing):
		// "test" as the first word of an env file's name, or its
		// last suffix. "latest.env" and "contest.env" are not.
		`(?:^|/)(?:tests?|testing)(?:[-_.][^/]*)?\.env$|(?:^|/)\.env\.(?:tests?|testing)$|` +
		// A manifest or configuration named for a test as its first
		// word (bank-vaults's deploy/test-secret.yaml,
		// test-configmap.yaml): "latest-config.yaml" and
		// "testnet.json" are not.
		`(?:^|/)(?:tests?|testing)[-_][^/]*\.(?:ya?ml|json|toml)$`)
	// localhostCert matches key and certificate files issued for
	// localhost: development and test material by construction.
	localhostCert = regexp.MustCompile(`(?i)(?:^|/)[^/]*localhost[^/]*\.(?:key|pem|crt|cert|p12)$`)
	// testCert matches key and certificate files whose name starts with
	// the word test (test-cert-no-token.pem, test_key.pem, testkey.pem,
	// testcert.pem, tests.crt): material a package's tests load, kept
	// beside them. "attest.pem", "latest-key.pem", "testnet.key" and
	// "testimony.pem" do not start with that word.
	testCert = regexp.MustCompile(`(?i)(?:^|/)(?:test|tests|testing)(?:[-_.][^/]*|(?:keys?|certs?|ca|crt|server|client)(?:[-_.][^/]*)?)?\.(?:key|pem|crt|cert|p12)$|` +
		// The word anywhere in a key file's name, between separators:
		// sops's pgp/sops_functional_tests_key.asc, which its Makefile's
		// test target imports; "testnet.key" and "latest_key.asc" hold
		// no such word.
		`(?:^|/)[^/]*[-_.](?:test|tests|testing)[-_.][^/]*\.(?:key|pem|crt|cert|p12|asc|gpg)$`)
	// devHostCert matches key and certificate files named for a
	// development host (dev-fider-io.key, dev.pem, local-dev.crt,
	// api.dev.key): "dev", "development" or "local" as a word of the
	// file name. They serve HTTPS on a developer's machine, where the
	// certificate is self-signed; "device.key" and "devops.pem" are
	// not such words.
	devHostCert = regexp.MustCompile(`(?i)(?:^|/)(?:[^/]*[-_.])?(?:dev|development|local)(?:[-_.][^/]*)?\.(?:key|pem|crt|cert|p12)$`)
	examplePath = regexp.MustCompile(`(?i)(?:^|/)(?:[._]?examples?|samples?|demos?|tutorials?|quickstart|recipes?|cookbook)/|(?:^|/)example[^/]*$|\.(?:example|sample|template|dist|tmpl)$|(?:^|/)samples?(?:[._-][^/]*)?\.(?:sql|json|ya?ml|toml|env|ini|conf|cfg|txt|xml|properties|csv)$|(?:^|/)[^/]+[._-](?:samples?|examples?)\.(?:json|ya?ml|toml|env|ini|conf|cfg|properties)$|(?:^|/)(?:seeds?|seeders?|seed[-_]data|sample[-_]data|demo[-_]data)/`)
	// localDevPath is a local development or benchmark environment:
	// a docker-compose stack to run the service and its dependencies on
	// a laptop (a directory of them named docker-compose/: jaeger's
	// docker-compose/monitor/ runs Prometheus and Grafana beside it), a
	// dev container, load tests and benchmarks, and the development
	// tools directory of a repository (tools/dev/, hack/dev/: weaviate's
	// local Grafana and its dashboards). Their credentials are for
	// services that exist only there.
	localDevPath = regexp.MustCompile(`(?i)(?:^|/)(?:local[-_]?(?:env|environment|dev|development|setup|stack)|dev[-_]?(?:env|environment|setup|stack)|docker[-_]compose|\.?devcontainer|bench|benchmarks?|benchmarking|load[-_]?tests?|perf[-_]tests?|(?:tools|hack)/dev)/|(?:^|/)(?:docker-)?compose[._-](?:dev|development|local|override|test|ci|e2e|bench)[^/]*\.ya?ml$|` +
		// A benchmark or load-test script or its settings
		// (run-bench.sh, bench.env, loadtest.yaml); Go code named so
		// (benchmarking_util.go) is code, judged by its path.
		`(?:^|/)(?:\w+[-_])?(?:bench(?:mark)?s?|load[-_]?tests?)(?:[-_][\w-]*)?\.(?:sh|bash|zsh|env|ya?ml|toml|json|ini|cfg|conf)$`)
	// testRunPath holds the recorded output of a conformance or
	// certification test run (an OpenID certification suite's logs,
	// kept as .txt files or archives): the clients and tokens in it
	// were made by the suite for that run.
	// specDoc is a documentation file under a spec or specs directory.
	specDoc     = regexp.MustCompile(`(?i)(?:^|/)specs?/(?:[^/]+/)*[^/]+\.(?:md|markdown|mdx|rst|adoc|asciidoc)$`)
	testRunPath = regexp.MustCompile(`(?i)(?:^|/)(?:certification|conformance)(?:[-_](?:results?|logs?|runs?|reports?))?/`)
	docsPath    = regexp.MustCompile(`(?i)(?:^|/)\.?(?:docs?|documentation|site|website|man)/|\.(?:md|markdown|mdx|rst|adoc|asciidoc)$|(?:^|/)(?:README|CHANGELOG|CONTRIBUTING)[^/]*$`)
	// devDirKey is a key or certificate file in a development
	// environment's directory: one named dev, devel, develop or
	// development at any depth (traQ's dev/keys/ec.pem, the JWT key of
	// its local stack; nginx-ui's private.key files under
	// resources/development/nginx/ssl/, served by its docker development
	// nginx), where a developer's stack finds the keys it runs with.
	// Only key and certificate files: the configuration in such a directory
	// (compose files, .env, values) may set up a shared development
	// deployment, and is judged by its values. Not under a deployment
	// tree either (deploy/, k8s/, overlays/, environments/, terraform/,
	// charts…), where dev names a stage of a real deployment
	// (deploy/dev/tls.key). "devices/", "developer/" and "devops/" are
	// other words. The name is not the only evidence: devkey.go reads
	// what lies beside the key, and keeps it production when the
	// certificate it belongs to was issued by a public CA (a real
	// host's key kept in a dev directory) or when the dev directory sits
	// beside prod/ or staging/ (a deployment stage after all).
	devDirKey  = regexp.MustCompile(`(?i)(?:^|/)\.?(?:dev|devel|develop|development)/(?:[^/]+/)*(?:[^/]+\.(?:key|pem|crt|cer|cert|p12|pfx|der|jks)|id_(?:rsa|dsa|ecdsa|ed25519))$`)
	deployTree = regexp.MustCompile(`(?i)(?:^|/)(?:deploy|deploys|deployment|deployments|k8s|kube|kubernetes|kustomize|overlays|helm|charts?|environments?|envs?|stages?|terraform|ansible|inventor(?:y|ies)|infra|infrastructure|clusters?|gitops|manifests)/`)
)

// dreddConfig is Dredd's configuration file (dredd.yml,
// dredd.local.yml, .kitchen.yml for Test Kitchen), a test tool's harness
// wherever it is; the tools' directories are testsupport.Tool's.
var dreddConfig = regexp.MustCompile(`(?i)(?:^|/)(dredd|\.kitchen)(?:[._-][\w-]+)*\.ya?ml$`)

// testToolOf returns the test tool whose harness path is in, or "": a
// directory on the way to it (testsupport.Tool, the analyzers' table
// too), or a tool's configuration file.
func testToolOf(path string) string {
	segs := strings.Split(path, "/")
	for _, seg := range segs[:len(segs)-1] {
		if t, ok := testsupport.Tool(seg); ok {
			return t
		}
	}
	if m := dreddConfig.FindStringSubmatch(path); m != nil {
		t, _ := testsupport.Tool(m[1])
		return t
	}
	return ""
}

// contextOf classifies a path.
func contextOf(path string) (ctx, why string) {
	switch {
	case vendoredPath.MatchString(path):
		return ctxVendored, "vendored third-party code"
	case fixturePath.MatchString(path), localhostCert.MatchString(path), testCert.MatchString(path):
		return ctxFixture, "a test fixture"
	case specDoc.MatchString(path):
		// A specification's prose (docs/spec/*.md) is documentation,
		// though a spec/ directory holds tests in other languages.
		return ctxDocs, "documentation"
	case testPath.MatchString(path):
		return ctxTest, "test code"
	case testRunPath.MatchString(path):
		return ctxTest, "the recorded output of a conformance or certification test run"
	case testToolOf(path) != "":
		return ctxTest, "the harness of " + testToolOf(path)
	case isTestSupport(path):
		// The analyzers' definition of Go test-support code
		// (testutil, storagetest, mock…, fake…, conformance suites),
		// so that a secret and a lint finding in the same file are
		// judged alike.
		return ctxTest, "test code"
	case localDevPath.MatchString(path), devHostCert.MatchString(path):
		return ctxLocalDev, "a local development or benchmark environment"
	case devDirKey.MatchString(path) && !deployTree.MatchString(path):
		// Checked against what lies beside it (devkey.go).
		return ctxLocalDev, devDirKeyWhy
	case examplePath.MatchString(path):
		return ctxExample, "example code"
	case docsPath.MatchString(path):
		return ctxDocs, "documentation"
	}
	return ctxProduction, ""
}

func isTestSupport(path string) bool {
	_, ok := testsupport.Path(path)
	return ok
}

// contextRank orders contexts by how much a secret there matters.
func contextRank(c string) int {
	switch c {
	case ctxProduction:
		return 5
	case ctxExample, ctxDocs:
		return 3
	case ctxTest, ctxLocalDev:
		return 2
	case ctxFixture:
		return 1
	}
	return 0
}

// confidence is how likely a value is a live credential.
type confidence int

const (
	confLow confidence = iota
	confMedium
	confHigh
)

func (c confidence) String() string {
	switch c {
	case confLow:
		return "low"
	case confMedium:
		return "medium"
	}
	return "high"
}

func parseConfidence(s string) (confidence, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "medium":
		return confMedium, nil
	case "low":
		return confLow, nil
	case "high":
		return confHigh, nil
	}
	return 0, fmt.Errorf("--min-confidence %q: want low, medium or high", s)
}

var placeholderWords = regexp.MustCompile(`(?i)example|sample|placeholder|change[-_ ]?me|your[-_]?(?:api|key|token|secret|pass)|(?:^|[^a-z])my[-_]?(?:api[-_]?key|key|token|secret|pass)|(?:key|token|secret|pass(?:word)?|value)[-_ ]?here(?:$|[^a-z])|x{4,}|\*{3,}|\.{3}|dummy|fake|mock|redacted|lorem|foo[-_]?bar|replace[-_]?me|insert[-_]|todo|<[a-z_ -]+>|\$\{|\{\{|^test[-_]|[-_]test$|notasecret|not[-_]a[-_]real|invalid|abcdef|123456|qwerty|secret[-_]?key$|^(?:password|secret|token)\d*$`)

// variableName is an upper-case snake_case name of at least two words
// (ACCESS_TOKEN, YOUR_API_KEY, DB_PASSWORD_1): generated keys mix case
// or carry no separators between letter runs like these.
var variableName = regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$`)

// longRun is a run of base64 or hex: random text in which a placeholder
// word ("todo", "mock", "xxxx") turns up by chance.
var longRun = regexp.MustCompile(`[A-Za-z0-9+/=_-]{24,}`)

// placeholderText is the part of a value to look for placeholder words
// in: all of a short value, and the text around the long random runs of
// a long one (a private key's header and footer, a JWT's separators).
// In a 1,700-character RSA key, some placeholder word appeared by chance
// in about one key in eight.
func placeholderText(v string) string {
	if len(v) <= 100 {
		return v
	}
	return longRun.ReplaceAllString(v, " ")
}

// assessValue rates a secret's value. decoded is the value gitleaks
// decoded (for base64/hex encodings); kind is the rule's kind.
func assessValue(ruleID, value string, decoded bool) (confidence, string) {
	if why, ok := pubexample.Lookup(value); ok {
		return confLow, "a published example value (" + why + ")"
	}
	if why, ok := pubexample.DevDefault(value); ok {
		// Whatever rule matched it: a default everyone's emulator
		// accepts is no one's secret.
		return confLow, "a published local-development default (" + why + ")"
	}
	if passwordHash.MatchString(strings.TrimSpace(value)) {
		return confLow, "the value is " + passwordHashWhy
	}
	if placeholderWords.MatchString(placeholderText(value)) {
		return confLow, "the value reads as a placeholder"
	}
	if placeholder.Sequential(value) {
		return confLow, "the value is built of character sequences (abc, 123), a placeholder"
	}
	if why := decodedPlaceholder(value); why != "" {
		return confLow, why
	}
	if variableName.MatchString(value) {
		// "Authorization: Bearer ACCESS_TOKEN", --password=DB_PASSWORD:
		// the name of what goes there, written where it goes.
		return confLow, "the value is a variable's name, standing in for the secret"
	}
	if why := publicClientKey(value); why != "" {
		return confLow, why
	}
	if why := ecPublicPoint(value); why != "" {
		return confLow, why
	}
	if ageRecipient.MatchString(strings.TrimSpace(value)) {
		// An age identity's public half: its file says "# public
		// key: age1…" above the AGE-SECRET-KEY line, which the
		// age-secret-key rule judges.
		return confLow, "the value is an age public key (a recipient), not a secret"
	}
	if distinct(value) < 6 || entropy.Shannon(value) < 2.5 {
		return confLow, "the value has too little variety to be a key"
	}
	kind := gitleaksrules.KindOf(ruleID)
	if kind != gitleaksrules.KindGeneric && !strings.ContainsAny(value, "0123456789") && camelIdent.MatchString(value) {
		// A provider's pattern can match a name that follows its
		// keyword: datadog-access-token takes the 40 letters of
		// EnableDatadogConnectionMutationVariables, a GraphQL type
		// name. A random key of that length holds digits; a name
		// made of capitalised words without any is code.
		return confLow, "the value is a camel-case name (words and no digits), not a key"
	}
	if decoded && readsAsWords(value) {
		return confLow, "the decoded value reads as words, not a key"
	}
	if (ruleID == "curl-auth-header" || ruleID == "curl-auth-user") && readsAsWords(value) {
		// curl -H "Authorization: Bearer key-tenant-a" in a demo: the
		// curl rules take any value after the scheme, and words
		// joined by dashes label the key a walk-through means.
		return confLow, "the value reads as words, not a key"
	}
	switch ruleID {
	case "jwt", "jwt-base64":
		return assessJWT(value)
	case "private-key":
		if why := cutKey(value); why != "" {
			return confLow, why
		}
	}
	if kind == gitleaksrules.KindGeneric {
		if looksLikeIdentifier(value) || qualifiedIdent.MatchString(value) {
			return confLow, "the value looks like an identifier, not a key"
		}
		if readsAsWords(value) {
			return confLow, "the value reads as words, not a key"
		}
		if derivedUUID(value) {
			return confLow, "the value is a name-based or time-based UUID (version 1, 3, 5 or 6), an identifier anyone can derive, not a key"
		}
		if urlPath(value) {
			return confLow, "the value is a URL path, not a key"
		}
		if apiVersionKind.MatchString(value) {
			return confLow, "the value is a Kubernetes API version and kind, not a key"
		}
		if fileName(value) {
			return confLow, "the value is a file name (it ends in a file extension), not a key"
		}
		if goPseudoVersion.MatchString(value) {
			return confLow, "the value is a Go module pseudo-version (a version, a time and a commit), not a key"
		}
		if versionNumber.MatchString(value) {
			return confLow, "the value is a version number (an image or package tag), not a key"
		}
		if chainAddress.MatchString(value) {
			return confLow, "the value is a public blockchain address (0x and 40 hex digits), not a key"
		}
		if jwtShape.MatchString(value) {
			// A JWT matched by its name (token: eyJ…): judged as a
			// JWT; one that lost its header is an excerpt.
			if strings.HasPrefix(value, ".") {
				return confLow, "a JWT without its header, an excerpt"
			}
			return assessJWT(value)
		}
		if nameSlug(value) || (wordCaseSlug(value) && nameSlug(strings.ToLower(value))) {
			return confLow, "the value is a name of words with version numbers (an algorithm, a product), not a key"
		}
		if !hasDigit(value) || entropy.Shannon(value) < 3.5 {
			return confLow, "the value is not random enough for a generated key"
		}
		return confMedium, "a random value assigned to a credential-like name"
	}
	switch kind {
	case gitleaksrules.KindIdentifier:
		return confMedium, "an identifier in the provider's format"
	case gitleaksrules.KindToken:
		return confMedium, "a bearer token"
	}
	if strings.Contains(strings.ToLower(value), "_test_") {
		return confMedium, "a test-mode key"
	}
	return confHigh, "the provider's key format"
}

// apiVersionKind is a Kubernetes resource named by its API version and
// kind, with an optional group (velero's pvcKey :=
// "v1/PersistentVolumeClaim", "apps/v1/Deployment",
// "networking.k8s.io/v1beta1/Ingress"): a key into a map of resources.
var apiVersionKind = regexp.MustCompile(`^(?:[a-z][a-z0-9.-]*/)?v[0-9]+(?:(?:alpha|beta)[0-9]+)?/[A-Z][a-z]+(?:[A-Z][a-z]+)*$`)

// ageRecipient is an age X25519 public key: "age1" and 58 characters
// of Bech32's alphabet (no 1, b, i or o). The secret key is
// AGE-SECRET-KEY-1…, upper case.
var ageRecipient = regexp.MustCompile(`^age1[02-9ac-hj-np-z]{58}$`)

// publicClientKeys are prefixes of keys their providers publish for use
// in browsers and mobile apps, which anyone can read there: they identify
// a project, they grant nothing secret. The secret keys of the same
// providers (Stripe's sk_/rk_, PostHog's personal phx_) have other
// prefixes and are not here.
var publicClientKeys = []struct{ prefix, what string }{
	{"phc_", "PostHog's project API key"},
	{"pk_live_", "Stripe's publishable key"},
	{"pk_test_", "Stripe's publishable key"},
}

// datadogClientToken is a Datadog client token: "pub" and 32 hex
// digits, which Datadog issues for its browser SDKs (RUM, browser logs)
// to be embedded in web pages; API and application keys have no prefix.
var datadogClientToken = regexp.MustCompile(`^pub[0-9a-f]{32}$`)

// publicClientKey says why a value is a public client key, or "".
func publicClientKey(v string) string {
	for _, k := range publicClientKeys {
		if strings.HasPrefix(v, k.prefix) {
			return "a public client key (" + k.what + "), meant to be shipped to browsers"
		}
	}
	if datadogClientToken.MatchString(v) {
		return "a public client key (Datadog's client token), meant to be shipped to browsers"
	}
	return ""
}

// fileExt matches a common file extension at the end of a value: an
// object key or file name (gin-vue-admin's seed upload,
// Key: "1587973709logo.png"). Base64 and hex keys hold no dot.
var fileExt = regexp.MustCompile(`(?i)\.(?:png|jpe?g|gif|svg|webp|ico|bmp|pdf|txt|csv|json|ya?ml|xml|html?|css|js|mp[34]|mov|wav|zip|tar|gz|tgz|docx?|xlsx?|pptx?)$`)

// versionNumber matches a release version with an optional tag:
// 9.1.0-alpine3.22, v2.3.1, 1.24.2+build.5. Generated keys do not start
// with dotted numbers.
var versionNumber = regexp.MustCompile(`^v?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}(?:[-+_][A-Za-z0-9.]+)?$`)

// goPseudoVersion is a Go module pseudo-version (go.mod, a Makefile's
// pinned tool): vX.Y.Z-, an optional pre-release and 0., a UTC time
// of 14 digits and 12 hex digits of a commit
// (v0.0.0-20250701173324-9bd5c66d9911,
// v1.36.12-0.20260120151049-f2248ac996af).
var goPseudoVersion = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+-(?:[0-9A-Za-z.-]+\.)?[0-9]{14}-[0-9a-f]{12}(?:\+incompatible)?$`)

// chainAddress matches an Ethereum-style account or contract address:
// public by design. The private key of such an account has 64 hex
// digits, not 40.
var chainAddress = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

// jwtShape matches a JWT, or one missing its header (".eyJ…" cut from
// an API document's example response).
var jwtShape = regexp.MustCompile(`^(?:eyJ[A-Za-z0-9_-]*)?\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$`)

// fileName reports whether v is a file name: a word before a common
// extension, with no character a file name does not hold.
func fileName(v string) bool {
	if !fileExt.MatchString(v) || strings.ContainsAny(v, " /\\:=+") {
		return false
	}
	return strings.Count(v, ".") <= 2
}

// cutKey says why a PEM private key is an excerpt rather than a key (a
// documentation example such as "-----BEGIN RSA PRIVATE KEY----- MIIEpQ…
// -----END RSA PRIVATE KEY-----"), or "" when it may be whole: a body
// that is not base64, or whose DER encoding declares more bytes than it
// holds.
// keyEscapes turns the line-break escapes of a key written in a string
// literal into line breaks.
var keyEscapes = strings.NewReplacer(`\\r\\n`, "\n", `\\n`, "\n", `\r\n`, "\n", `\n`, "\n", `\r`, "\n")

func cutKey(pem string) string {
	begin := strings.Index(pem, "-----BEGIN")
	if begin < 0 {
		return ""
	}
	rest := pem[begin+len("-----BEGIN"):]
	i := strings.Index(rest, "-----")
	end := strings.LastIndex(rest, "-----END")
	if i >= 0 && end < 0 {
		// The pattern ends at any "KEY-----": a match with no END line
		// ran from one BEGIN marker into the next (a PEM formatter's
		// strings.Replace(s, "-----BEGIN RSA PRIVATE KEY-----", …)).
		return "it has no END line: it runs from one BEGIN marker into another (PEM markers in code), not a key"
	}
	if i < 0 || end <= i {
		return ""
	}
	var body strings.Builder
	// A key written in source code breaks its lines with escapes
	// ("-----BEGIN RSA PRIVATE KEY-----\nMIIJ…\n…", twice in JSON) and
	// may be concatenated line by line ("…\n" +): the escapes are
	// line breaks and the quotes and operators around each line are
	// the code's, not the key's.
	text := keyEscapes.Replace(rest[i+len("-----") : end])
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, ":") {
			continue // an encrypted key's Proc-Type and DEK-Info headers
		}
		line = strings.TrimSpace(line)
		if strings.ContainsAny(line, "\"'`") {
			// A line of code: the operators after its closing quote
			// go, then the quotes. A bare base64 line keeps its own
			// '+' at either end.
			if t := strings.TrimRight(line, " \t+,;"); strings.HasSuffix(t, `"`) || strings.HasSuffix(t, "'") || strings.HasSuffix(t, "`") {
				line = t
			}
			line = strings.Trim(line, "\"'`")
		}
		body.WriteString(strings.Join(strings.Fields(line), ""))
	}
	b := body.String()
	if strings.HasPrefix(b, "b3BlbnNzaC1rZXktdjE") {
		return "" // OpenSSH's own format: no DER to check
	}
	for _, c := range b {
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '=') {
			return "the key's body is elided (it holds characters base64 has not), an example"
		}
	}
	der, err := base64.StdEncoding.DecodeString(b)
	if err != nil {
		der, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(b, "="))
	}
	if err != nil || len(der) < 2 || der[0] != 0x30 {
		return ""
	}
	// A DER SEQUENCE: its length, short or long form.
	n, hdr := int(der[1]), 2
	if der[1]&0x80 != 0 {
		k := int(der[1] & 0x7f)
		if k == 0 || k > 4 || len(der) < 2+k {
			return ""
		}
		n = 0
		for _, c := range der[2 : 2+k] {
			n = n<<8 | int(c)
		}
		hdr += k
	}
	if hdr+n > len(der) {
		return fmt.Sprintf("a truncated key (its encoding declares %d bytes and holds %d), an excerpt", hdr+n, len(der))
	}
	return ""
}

// jwtIOSampleIat is the issue time of jwt.io's sample payload
// ({"sub":"1234567890","name":"John Doe","iat":1516239022}). Tokens
// written for documentation start from it and keep it (FerretDB's copy
// of MongoDB's Data API spec changed the audience and subject); no
// token issued by a live service carries that exact second of 2018 and
// no expiry after it.
const jwtIOSampleIat = 1516239022

func assessJWT(v string) (confidence, string) {
	parts := strings.Split(strings.TrimSpace(v), ".")
	if len(parts) < 3 || parts[2] == "" {
		return confLow, "a JWT without a signature"
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return confLow, "a JWT whose payload does not decode"
	}
	var claims map[string]any
	if json.Unmarshal(payload, &claims) != nil || len(claims) == 0 {
		return confLow, "a JWT without a payload"
	}
	if exp, ok := claims["exp"].(float64); ok && exp < float64(time.Now().Unix()) {
		return confLow, "an expired JWT"
	}
	if iat, ok := claims["iat"].(float64); ok && iat == jwtIOSampleIat {
		return confLow, "a JWT built on jwt.io's sample payload (issued at 1516239022, the debugger's default)"
	}
	for _, c := range []string{"iss", "aud"} {
		if w := testClaim(claims[c]); w != "" {
			return confLow, "a JWT issued for tests or examples (" + c + " " + w + ")"
		}
	}
	return confMedium, "a signed JWT"
}

// testClaimWords are words of an issuer or audience that say a token
// was made for tests or examples: no service that takes live tokens
// names itself so.
var testClaimWords = map[string]bool{
	"test": true, "tests": true, "testing": true, "testsuite": true, "e2e": true,
	"example": true, "examples": true, "sample": true, "demo": true, "fake": true, "dummy": true, "mock": true,
}

// testClaim returns the issuer or audience (a string or a list of them)
// one of whose words (split at anything but letters and digits) is a
// test word: "cerbos-test-suite", "https://example.com", ["jwt-tests"].
// A subject is not judged: a live token can name a test user.
func testClaim(v any) string {
	var vals []string
	switch v := v.(type) {
	case string:
		vals = []string{v}
	case []any:
		for _, x := range v {
			if s, ok := x.(string); ok {
				vals = append(vals, s)
			}
		}
	}
	for _, s := range vals {
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			if testClaimWords[w] {
				return strconv.Quote(s)
			}
		}
	}
	return ""
}

func distinct(s string) int {
	seen := map[rune]bool{}
	for _, r := range s {
		seen[r] = true
	}
	return len(seen)
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

var (
	identChars = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.]*$`)
	// A camel-case name may end in an acronym with a version or a
	// base (participantKeyB62, sessionTokenV2, userKeyID).
	camelIdent = regexp.MustCompile(`^[a-z]+(?:[A-Z][a-z]+)+(?:[0-9]{0,2}|[A-Z]{1,3}[0-9]{0,3})$|^(?:[A-Z][a-z]+){2,}(?:[0-9]{0,2}|[A-Z]{1,3}[0-9]{0,3})$`)
	// camelDigitIdent is a camel-case name with a short number glued to
	// a capital (B64EncryptionResult, privateKeyB64, sha256Hex is not:
	// its number follows lower case): every part is a word or a capital
	// with one to three digits.
	camelDigitIdent = regexp.MustCompile(`^(?:[a-z]{2,}|[A-Z][a-z]{2,}|[A-Z][0-9]{1,3})(?:[A-Z][a-z]{2,}|[A-Z][0-9]{1,3})+$`)
	// measureIdent is a camel-case name led by a short letter-and-number
	// token and then words of three letters or more: a percentile, a
	// codec or a version (p99LatencyRollup, h264EncoderProfile,
	// s3BucketRegion, v2SessionStore), a table column's or a metric's
	// key.
	measureIdent = regexp.MustCompile(`^[a-z]{1,2}[0-9]{1,3}(?:[A-Z][a-z]{2,}){2,}$`)
)

// looksLikeIdentifier matches names rather than keys: C API and Go
// identifiers (EVP_PKEY_get1_RSA, getAuthToken), dotted config keys.
// Generated keys have many digits spread through them.
func looksLikeIdentifier(s string) bool {
	// A private name's leading underscores (or a JavaScript name's $):
	// _getDistanceToBezierEdge2 in a minified library.
	if t := strings.TrimLeft(s, "_$"); len(t) < len(s) && len(t) >= 8 {
		s = t
	}
	if !identChars.MatchString(s) {
		return false
	}
	digits := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits > 3 {
		return false
	}
	return strings.Count(s, "_") >= 2 || strings.Contains(s, ".") || camelIdent.MatchString(s) || camelWithDigits(s) || measureIdent.MatchString(s)
}

// qualifiedIdent matches a reference to a Go package member, such as
// acme.RSA2048 or jwt.SigningMethodHS256: code, not a key, whatever its
// digits.
var qualifiedIdent = regexp.MustCompile(`^[a-z][a-z0-9]*\.[A-Z][A-Za-z0-9_]*$`)

// readsAsWords reports text made of letters, spaces and separators with
// few digits: prose or a slug, not a key.
func readsAsWords(s string) bool {
	letters, digits, others := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		case r == '-' || r == '_' || r == ' ' || r == '.':
		default:
			others++
		}
	}
	if others > 0 || letters == 0 {
		return false
	}
	if digits > 2 {
		return false
	}
	// Slugs and sentences separate words; a random letters-only string
	// has no separators and mixed case.
	return strings.ContainsAny(s, "-_ .") && !mixedCase(s)
}

// slugPart is one hyphen-separated part of a name: letters with an
// optional number after them (xchacha20, poly1305, p256, v2, gcm) or
// before them (a brand such as 123pan, 3des, 7zip), a number alone
// (256), or a dotted version number (v21.1.7, 1.0.2: a cache key that
// names the tools and versions it holds, cockroach-v21.1.7-chaosd-v1.0.2).
var slugPart = regexp.MustCompile(`^(?:[0-9]*[a-z]+[0-9]*|[0-9]+|v?[0-9]+(?:\.[0-9]+){1,3})$`)

// slugWord is a run of two letters or more: a part holding one is a word.
var slugWord = regexp.MustCompile(`[a-z]{2,}`)

// nameSlug reports a lower-case name of hyphen-separated words, each
// with an optional number after it (or before it, a brand such as
// 123pan): xchacha20-poly1305, aes-256-gcm, ecdsa-p256-sha256,
// postgres-15, 123pan-thumbnail. Such values name an algorithm, a
// version or a product. A generated key mixes digits into its letters
// more than once per part (3f2a, a1b2, 12ab34cd) or mixes case, and is
// not read this way.
func nameSlug(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) < 2 {
		return false
	}
	words, versions := 0, 0
	for _, p := range parts {
		if !slugPart.MatchString(p) {
			return false
		}
		if slugWord.MatchString(p) {
			words++ // a word of two letters or more: k7-x9 is no name
		}
		if slugVersion.MatchString(p) {
			versions++ // announcement-v2.17: a word and a release
		}
	}
	return words >= 2 || words >= 1 && versions >= 1
}

// wordCasePart is a part of a name written in capitals: words that
// start with a capital or are all capitals, a number after them
// (XChaCha20, Poly1305, AES, GCM). A generated key's part mixes its case
// at random (kQpZr, a9Xf) and starts in lower case as often as not.
var wordCasePart = regexp.MustCompile(`^(?:[A-Z]+[a-z]*)+[0-9]*$|^[0-9]+$`)

// wordCaseSlug reports whether every hyphen-separated part of s is
// written in word case (XChaCha20-Poly1305, AES-256-GCM): with
// nameSlug of its lower case, an algorithm's or product's name.
func wordCaseSlug(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !wordCasePart.MatchString(p) {
			return false
		}
	}
	return true
}

// slugVersion is a part of a name slug that is a dotted release
// version (v2.17, 1.24.3).
var slugVersion = regexp.MustCompile(`^v?[0-9]+(?:\.[0-9]+){1,3}$`)

func mixedCase(s string) bool {
	up, low := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
	}
	return up > 1 && low > 1
}

// camelWithDigits reports a camelDigitIdent name made of at least two
// words of three or more letters: a type or variable name in code.
func camelWithDigits(s string) bool {
	if !camelDigitIdent.MatchString(s) {
		return false
	}
	words := 0
	for _, w := range camelWord.FindAllString(s, -1) {
		if len(w) >= 3 {
			words++
		}
	}
	return words >= 2
}

var camelWord = regexp.MustCompile(`[A-Z]?[a-z]+`)
