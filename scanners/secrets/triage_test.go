package secrets

import (
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/authvet/authvet/internal/placeholder"
	"github.com/authvet/authvet/scanners/gitleaksrules"
	"github.com/authvet/authvet/scanners/testkeys"
)

func TestContextOf(t *testing.T) {
	for path, want := range map[string]string{
		"cmd/server/main.go":                 ctxProduction,
		"internal/auth/keys.go":              ctxProduction,
		"caddytest/integration/proxy.go":     ctxTest,
		"internal/apitest/server.go":         ctxTest,
		"pkg/authtesting/keys.go":            ctxTest,
		"internal/latest/config.go":          ctxProduction,
		"contest/config.go":                  ctxProduction,
		"caddytest/a.caddy.localhost.key":    ctxFixture,
		"certs/localhost.pem":                ctxFixture,
		"certs/prod.pem":                     ctxProduction,
		"etc/dev-fider-io.key":               ctxLocalDev,
		"etc/all-dev-fider-io.key":           ctxLocalDev,
		"certs/dev.pem":                      ctxLocalDev,
		"tls/local-dev.crt":                  ctxLocalDev,
		"certs/device.key":                   ctxProduction,
		"credentials/test-cert-no-token.pem": ctxFixture, // cloudflared: its test reads it
		"tlsconfig/testkey.pem":              ctxFixture,
		"tlsconfig/testcert.pem":             ctxFixture,
		"certs/test_server.key":              ctxFixture,
		"certs/test.pem":                     ctxFixture,
		"certs/attest.pem":                   ctxProduction,
		"certs/latest-key.pem":               ctxProduction,
		"certs/testnet.key":                  ctxProduction,
		"certs/testimony.pem":                ctxProduction,
		"certs/contest-ca.crt":               ctxProduction,
		"pgp/sops_functional_tests_key.asc":  ctxFixture, // sops: its Makefile's test target imports it
		"certs/server-testing-ca.pem":        ctxFixture,
		"pgp/latest_release_key.asc":         ctxProduction,
		"keys/prod_testnet_signer.key":       ctxProduction,
		"pgp/contest_key.asc":                ctxProduction,
		"pgp/tests_notes.txt":                ctxProduction, // not a key file
		"certs/test-notes.go":                ctxProduction, // not a key or certificate file
		"certs/devops.pem":                   ctxProduction,
		"handlers_test.go":                   ctxTest,
		"hack/test.env":                      ctxTest, // supabase/auth: its tests load it
		"hack/test_asymmetric.env":           ctxTest,
		"deploy/test-secret.yaml":            ctxTest, // bank-vaults: a test manifest
		"deploy/test_configmap.json":         ctxTest,
		"deploy/latest-config.yaml":          ctxProduction,
		"config/testnet.yaml":                ctxProduction,
		"config/testing.env":                 ctxTest,
		".env.test":                          ctxTest,
		"app/.env.testing":                   ctxTest,
		"deploy/latest.env":                  ctxProduction,
		"deploy/contest.env":                 ctxProduction,
		"deploy/prod.env":                    ctxProduction,
		"testdata/key.pem":                   ctxFixture,
		"vendor/github.com/x/y/z.go":         ctxVendored,
		"examples/basic/main.go":             ctxExample,
		"config_sample.yml":                  ctxExample, // louketo-proxy's sample configuration
		"deploy/app-example.json":            ctxExample,
		"conf/settings.sample.toml":          ctxExample,
		"deploy/resample.yml":                ctxProduction,
		"internal/sample.go":                 ctxProduction,
		".examples/mtls/certs/client.key":    ctxExample, // a hidden examples directory (gatus)
		"certs/.example.key.bak":             ctxProduction,
		"config/.examplesrc/server.key":      ctxProduction,
		"docs/setup.md":                      ctxDocs,
		"client/test.sh":                     ctxTest, // plik's CLI test script, run by make test
		"scripts/run-tests.sh":               ctxTest,
		"e2e.sh":                             ctxTest,
		"test/cli.bats":                      ctxTest,
		"cli.bats":                           ctxTest,
		"scripts/deploy.sh":                  ctxProduction,
		"scripts/latest.sh":                  ctxProduction,
		"scripts/contest.sh":                 ctxProduction,
		"cmd/test.go":                        ctxProduction, // a Go file named test.go is not a test file
		"docs/spec/v1beta3/receivers.md":     ctxDocs,       // a specification's prose (notification-controller)
		"spec/models/user_spec.rb":           ctxTest,
		"spec/support/config.yml":            ctxTest,
		"docker-compose/monitor/grafana.ini": ctxLocalDev, // jaeger: a compose stack beside the service
		"deploy/docker-compose.yml":          ctxProduction,
		"docker-composer/config.ini":         ctxProduction,
		"tools/dev/grafana/grafana.ini":      ctxLocalDev, // weaviate: the repository's development tools
		"hack/dev/values.yaml":               ctxLocalDev,
		"tools/devops/prod.env":              ctxProduction,
		"cmd/tools/dev.go":                   ctxProduction,
	} {
		if got, _ := contextOf(path); got != want {
			t.Errorf("contextOf(%q) = %s, want %s", path, got, want)
		}
	}
}

func TestQualifiedIdentifierIsLowConfidence(t *testing.T) {
	if c, why := assessValue("generic-api-key", "acme.RSA2048", false); c != confLow {
		t.Errorf("acme.RSA2048: confidence %v (%s), want low: it is a Go identifier", c, why)
	}
	// A random value with a dot is still a key.
	if c, _ := assessValue("generic-api-key", "q8Zr2Lx9.Pw4Tn7Vb3Km", false); c == confLow {
		t.Error("a random dotted value was rated low")
	}
}

// TestProviderCamelNameIsLowConfidence: a provider rule that matches a
// camel-case name after its keyword (a GraphQL type name after
// "Datadog") found code, not a key; a provider-shaped value with digits
// is still a key.
func TestProviderCamelNameIsLowConfidence(t *testing.T) {
	if c, why := assessValue("datadog-access-token", "EnableDatadogConnectionMutationVariables", false); c != confLow {
		t.Errorf("a GraphQL type name: confidence %v (%s), want low", c, why)
	}
	if c, why := assessValue("datadog-access-token", "a3f9c2e17b4d8e6f0a1c5b9d2e7f4a8c6b1d3e5f", false); c == confLow {
		t.Errorf("a hex key: confidence low (%s)", why)
	}
}

// TestVariableNameIsLowConfidence: an upper-case snake_case name put
// where a secret goes is a stand-in; keys that only look upper-case are
// not names.
func TestVariableNameIsLowConfidence(t *testing.T) {
	for _, v := range []string{"ACCESS_TOKEN", "YOUR_API_KEY", "DB_PASSWORD_2"} {
		if c, why := assessValue("curl-auth-header", v, false); c != confLow {
			t.Errorf("%s: confidence %v (%s), want low", v, c, why)
		}
	}
	for _, v := range []string{"Q8ZR2LX9PW4TN7VB3KMA", "AKIA2E0A8F3B244C9986", "q8Zr2_Lx9Pw4_Tn7Vb3K", "Q8ZR2LX9PW4TN7VB3KMA_"} {
		if c, why := assessValue("curl-auth-header", v, false); c == confLow {
			t.Errorf("%s: confidence low (%s), want a key", v, why)
		}
	}
}

func TestPublishedExampleValues(t *testing.T) {
	// The access token of RFC 6749's examples, quoted in many OAuth
	// servers' comments and docs.
	if c, why := assessValue("generic-api-key", "2YotnFZFEjr1zCsicMWpAA", false); c != confLow || why == "" {
		t.Errorf("RFC 6749 example token: confidence %v (%s), want low", c, why)
	}
}

func TestContextOfFixturesAndRecipes(t *testing.T) {
	for path, want := range map[string]string{
		"_fixture/certs/key.pem":    ctxFixture, // echo
		".github/TEST_DATA/ssl.key": ctxFixture, // fiber
		"test_data/tls/server.key":  ctxFixture,
		"recipe/http2/key.pem":      ctxExample, // echo's recipes are example apps
		"cookbook/jwt/server.go":    ctxExample,
		"fixtures.go":               ctxFixture,
		"internal/recipes.go":       ctxProduction,
		// The analyzers' test-support rules (internal/testsupport).
		"connector/mock/connectortest.go": ctxFixture,
		"storage/conformance/suite.go":    ctxTest,
		"pkg/fakeidp/idp.go":              ctxTest,
		"pkg/store/store_mock.go":         ctxTest,
		"web/cypress/e2e/login.cy.js":     ctxFixture,
		"ui/.snapshots/TestLogin":         ctxFixture,
		"api/stub/server.go":              ctxFixture,
		// Jest's conventional directories for module stubs and mocks
		// (remark42's frontend).
		"app/__stubs__/jwt.ts":   ctxFixture,
		"src/__mocks__/api.ts":   ctxFixture,
		"src/__fakes__/auth.js":  ctxFixture,
		"src/__stubs_old/api.ts": ctxProduction,
		"pkg/manifest/secret.go": ctxProduction,
		// Local development stacks, benchmarks, sample data (issue 15).
		"contrib/local-environment/dex.yaml":    ctxLocalDev,
		"benchmark/config.yaml":                 ctxLocalDev,
		"bench/compose.yml":                     ctxLocalDev,
		".devcontainer/docker-compose.yml":      ctxLocalDev,
		"docker-compose.dev.yml":                ctxLocalDev,
		"docker-compose.override.yaml":          ctxLocalDev,
		"pkg/database/schema/sample.sql":        ctxExample,
		"server/migration/test-files/pg.sql":    ctxTest,
		"pkg/sessions/legacy_v5_tester.go":      ctxTest,
		"docker-compose.yml":                    ctxProduction, // may deploy: judged by its values
		"docker-compose.prod.yml":               ctxProduction,
		"pkg/local/config.go":                   ctxProduction,
		"pkg/benchmarking_util.go":              ctxProduction,
		"internal/trace/sample.go":              ctxProduction, // Go code about sampling
		"internal/trace/sampler.go":             ctxProduction,
		"deploy/devenv-prod-bridge/values.yaml": ctxProduction,
		"store/seed/sqlite/01__dump.sql":        ctxExample, // demo seed data
		"db/seeds/users.sql":                    ctxExample,
		"pkg/seed.go":                           ctxProduction, // a random seed, code
		"internal/seedling/config.go":           ctxProduction,
		// Conformance and certification run logs, benchmark scripts
		// (held-out review, ory/hydra).
		"internal/certification/C.F.T.T.s.tar":     ctxTest,
		"docs/certification/OP-Req-login_hint.txt": ctxTest,
		"conformance-results/run1.log":             ctxTest,
		"compliance/report.txt":                    ctxProduction,
		"pkg/certificate/store.go":                 ctxProduction,
		"internal/certs/ca.pem.go":                 ctxProduction,
		"scripts/run-bench.sh":                     ctxLocalDev,
		"bench.env":                                ctxLocalDev,
		"deploy/loadtest.yaml":                     ctxLocalDev,
		"scripts/run.sh":                           ctxProduction,
		"scripts/bench_compare.go":                 ctxProduction, // Go code: judged by its path
		"scripts/workbench.sh":                     ctxProduction,
		// A top-level integration/ test tree, acceptance tests and a
		// dot-prefixed docs directory (held-out review, pomerium).
		"integration/tpl/files/ca-key.pem":                ctxTest,
		"integration/clusters/multi-stateful/compose.yml": ctxTest,
		"internal/acceptance/pomerium/config.yaml":        ctxTest,
		"pkg/integration/slack/client.go":                 ctxProduction, // an integration with a service
		"integrations/github/app.go":                      ctxProduction,
		".docs/RFC/rfc8707.txt":                           ctxDocs,
		".github/workflows/test.yaml":                     ctxProduction,
	} {
		if got, _ := contextOf(path); got != want {
			t.Errorf("contextOf(%q) = %s, want %s", path, got, want)
		}
	}
}

// TestExcerptedPrivateKeys: API docs quote the start of a key ("For
// example, `-----BEGIN RSA PRIVATE KEY----- MIIEpQIBAAKCAQEAuyf/... -----END
// RSA PRIVATE KEY-----`"); a whole key, however short, is still a key.
func TestExcerptedPrivateKeys(t *testing.T) {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	edDER, err := x509.MarshalPKCS8PrivateKey(edKey)
	if err != nil {
		t.Fatal(err)
	}
	rsaPEM := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(rsaKey)}))
	edPEM := string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: edDER}))
	// The same keys as source code writes them: line breaks escaped in
	// one string (Go, JSON; JSON in a string: twice), or one quoted
	// line per row concatenated with +.
	lines := strings.Split(strings.TrimSpace(rsaPEM), "\n")
	concat := ""
	for _, l := range lines {
		concat += "\t\"" + l + "\\n\" +\n"
	}
	whole := map[string]string{
		"rsa":               rsaPEM,
		"ed25519":           edPEM,
		"rsa escaped":       strings.ReplaceAll(rsaPEM, "\n", `\n`),
		"rsa escaped CRLF":  strings.ReplaceAll(rsaPEM, "\n", `\r\n`),
		"rsa escaped twice": strings.ReplaceAll(rsaPEM, "\n", `\\n`),
		"rsa concatenated":  concat,
		"ed25519 escaped":   strings.ReplaceAll(edPEM, "\n", `\n`),
	}
	for name, k := range whole {
		if c, why := assessValue("private-key", k, false); c == confLow {
			t.Errorf("whole %s key rated low: %s", name, why)
		}
	}
	// A base64 line may start or end with '+': it is the key's, not an
	// operator of code (the trimming of concatenated lines once took
	// it, and a random key failed one run in a few).
	plusPEM := ""
	for i := 0; i < 5000 && plusPEM == ""; i++ {
		_, k, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		der, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			t.Fatal(err)
		}
		p := string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
		if l := strings.Split(p, "\n")[1]; strings.HasPrefix(l, "+") || strings.HasSuffix(l, "+") {
			plusPEM = p
		}
	}
	if plusPEM == "" {
		t.Fatal("no key with a '+' at a line's end in 5000 tries")
	}
	for name, k := range map[string]string{"plus": plusPEM, "plus escaped": strings.ReplaceAll(plusPEM, "\n", `\n`)} {
		if c, why := assessValue("private-key", k, false); c == confLow {
			t.Errorf("whole %s key rated low: %s", name, why)
		}
	}
	body := strings.Split(rsaPEM, "\n")[1]
	for name, k := range map[string]string{
		"cut":      "-----BEGIN RSA PRIVATE KEY----- " + body + " -----END RSA PRIVATE KEY-----",
		"elided":   "-----BEGIN RSA PRIVATE KEY----- " + body + ". -----END RSA PRIVATE KEY-----",
		"ellipsis": "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n…\n-----END RSA PRIVATE KEY-----",
		// Escaped line breaks do not hide an elision.
		"escaped elided": `-----BEGIN RSA PRIVATE KEY-----\n` + body + `\n...\n-----END RSA PRIVATE KEY-----`,
		"escaped cut":    `-----BEGIN RSA PRIVATE KEY-----\n` + body + `\n-----END RSA PRIVATE KEY-----`,
		// A PEM formatter's markers: from one BEGIN into the next.
		"markers in code":     "-----BEGIN RSA PRIVATE KEY-----\n\tformattedContent = strings.Replace(formattedContent, \"-----BEGIN RSA PRIVATE KEY-----",
		"markers with a body": "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----BEGIN RSA PRIVATE KEY-----",
	} {
		if c, why := assessValue("private-key", k, false); c != confLow || why == "" {
			t.Errorf("%s excerpt: confidence %v (%s), want low", name, c, why)
		}
	}
}

// TestExpiredJWT: a JWT whose exp has passed cannot be used; one that
// has not is a live credential.
func TestExpiredJWT(t *testing.T) {
	jwtWith := func(exp int64) string {
		enc := base64.RawURLEncoding.EncodeToString
		return enc([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." +
			enc([]byte(fmt.Sprintf(`{"sub":"42","exp":%d}`, exp))) + "." +
			enc([]byte("q8Zr2Lx9Pw4Tn7Vb3KmQ8Zr2Lx9Pw4Tn"))
	}
	now := time.Now().Unix()
	if c, why := assessValue("jwt", jwtWith(now-3600), false); c != confLow || !strings.Contains(why, "expired") {
		t.Errorf("expired an hour ago: confidence %v (%s), want low", c, why)
	}
	if c, why := assessValue("jwt", jwtWith(now+3600), false); c == confLow {
		t.Errorf("valid for an hour: rated low (%s)", why)
	}
}

// TestPlaceholderWordsInRandomText: a long key's base64 contains "mock"
// or "todo" by chance; a placeholder says so in words.
func TestPlaceholderWordsInRandomText(t *testing.T) {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	der := base64.StdEncoding.EncodeToString(x509.MarshalPKCS1PrivateKey(rsaKey))
	body := der[:100] + "TodoMockFake" + der[112:] // same length: the DER still parses
	k := "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----"
	if c, why := assessValue("private-key", k, false); c == confLow {
		t.Errorf("key with words in its base64 rated low: %s", why)
	}
	ph := "-----BEGIN PRIVATE KEY-----\nYOUR_PRIVATE_KEY_HERE\n-----END PRIVATE KEY-----"
	if c, _ := assessValue("private-key", ph, false); c != confLow {
		t.Errorf("placeholder key rated %v, want low", c)
	}
}

// TestPublicClientKeys: keys providers publish for browsers are low
// confidence; the same providers' secret keys are not.
func TestPublicClientKeys(t *testing.T) {
	tail := testkeys.Generic(801)
	for v, low := range map[string]bool{
		"phc_" + tail:     true,
		"pk_live_" + tail: true,
		"pk_test_" + tail: true,
		"phx_" + tail:     false, // PostHog personal API key: secret
		"sk_live_" + tail: false,
		"rk_live_" + tail: false,
		// Datadog's client token, and an API key of the same length.
		"puba4c123b1612dd272d1371c17149d4395": true,
		"36b3216fdaeeb975729fae923d5a4fd12aa": false,
		"pubQ9f7LmW4vT7nRbXc4vBn6mZpQ9f7LmW4": false,
	} {
		c, why := assessValue("generic-api-key", v, false)
		if (c == confLow) != low {
			t.Errorf("%s…: confidence %v (%s), want low %v", v[:6], c, why, low)
		}
		if low && !strings.Contains(why, "public client key") {
			t.Errorf("%s…: low for %q, want a public client key", v[:6], why)
		}
	}
}

// TestMyPlaceholders: "mypass", "my-secret", "my_api_key" in docs and
// help texts (curl -u phil:mypass) are first-person placeholders, like
// "your-api-key"; a random value and a word that merely contains "my"
// in the middle are not.
func TestMyPlaceholders(t *testing.T) {
	for _, v := range []string{"phil:mypass", "mypassword123", "my-secret-token", "MY_API_KEY_1", "user:mytoken"} {
		if c, why := assessValue("generic-api-key", v, false); c != confLow {
			t.Errorf("%s: confidence %v (%s), want low", v, c, why)
		}
	}
	for _, v := range []string{"q8Zr2Lx9Pw4Tn7Vb3Km", "phil:Q8zR2lX9pW4tN7", "academysecretQ8Zr2Lx9Pw4"} {
		if c, why := assessValue("generic-api-key", v, false); c == confLow && strings.Contains(why, "placeholder") {
			t.Errorf("%s: rated a placeholder", v)
		}
	}
}

// TestKeyHerePlaceholders: "somerandomkeyhere", "realkeyhere",
// "token_here" (spicedb's `serve --grpc-preshared-key
// "somerandomkeyhere"` in its README, CHANGELOG and usage text) say
// where a key goes, as "your-api-key" does; random values, and words
// that merely hold "here" (a key of letters ending "...where", "theresa")
// are not.
func TestKeyHerePlaceholders(t *testing.T) {
	for _, v := range []string{"somerandomkeyhere", "realkeyhere", "token_here", "put-secret-here", "PASSWORDHERE", "apikey-here:x"} {
		if c, why := assessValue("curl-auth-header", v, false); c != confLow || !strings.Contains(why, "placeholder") {
			t.Errorf("%s: confidence %v (%s), want low as a placeholder", v, c, why)
		}
	}
	for _, v := range []string{"q8Zr2Lx9Pw4Tn7Vb3Kmhere", "Kx7Pq2Lm9Vb4Nz8Rt3Wshere", "keyhereQ8zR2lX9pW4tN7", "nowhere7Kx2Pq9Lm4Vb8", "Q8zrT2lxPw4Tnsomewhere", "tokenheresy7Kx2Pq9Lm4"} {
		if c, why := assessValue("curl-auth-header", v, false); c == confLow && strings.Contains(why, "placeholder") {
			t.Errorf("%s: rated a placeholder", v)
		}
	}
}

// TestCamelIdentifiersWithDigits: type and variable names with a short
// number glued to a capital (B64EncryptionResult, privateKeyB64) are
// identifiers; random mixed-case values of the same lengths are keys.
func TestCamelIdentifiersWithDigits(t *testing.T) {
	for _, v := range []string{"B64EncryptionResult", "privateKeyB64", "publicKeyB64Url", "signingKeyV2Config"} {
		if c, why := assessValue("generic-api-key", v, false); c != confLow {
			t.Errorf("%s: confidence %v (%s), want low: an identifier", v, c, why)
		}
	}
	for _, v := range []string{"Q8zrT2lxPw4TnVb3Kma", "aB3xYz9QwErT5uIo", "Kx7Pq2Lm9Vb4Nz8Rt3Ws", "Hq3Zr8Wx2Vp5Ls9Kt"} {
		if c, why := assessValue("generic-api-key", v, false); c == confLow {
			t.Errorf("%s: confidence low (%s), want a key", v, why)
		}
	}
}

// TestECPublicPoint: a base64 uncompressed point on a NIST curve (a
// VAPID application server key) is public; the private scalar, and 65
// random bytes shaped like a point but off the curve, are not.
func TestECPublicPoint(t *testing.T) {
	priv, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub := base64.RawURLEncoding.EncodeToString(priv.PublicKey().Bytes())
	if c, why := assessValue("generic-api-key", pub, false); c != confLow || !strings.Contains(why, "public key") {
		t.Errorf("VAPID public key: confidence %v (%s), want low as a public key", c, why)
	}
	scalar := base64.RawURLEncoding.EncodeToString(priv.Bytes())
	if why := ecPublicPoint(scalar); why != "" {
		t.Errorf("private scalar rated public: %s", why)
	}
	fake := make([]byte, 65)
	for i := range fake {
		fake[i] = byte(i*37 + 11)
	}
	fake[0] = 4
	if why := ecPublicPoint(base64.RawURLEncoding.EncodeToString(fake)); why != "" {
		t.Errorf("off-curve bytes rated public: %s", why)
	}
}

// TestCamelIdentifierWithAcronym: a camel-case name ending in an
// acronym with a version or base, or led by underscores, is a name (a Go expression matched by
// the generic rule), not a key; random mixed-case text is not one.
func TestCamelIdentifierWithAcronym(t *testing.T) {
	for _, v := range []string{"participantKeyB62", "sessionTokenV2", "userKeyID", "RefreshTokenTTL",
		"_getDistanceToBezierEdge2", "__privateKeyLoader", "$scopeTokenParser", // private names (a minified library's)
		"p99LatencyRollup", "h264EncoderProfile", "s3BucketRegion"} { // a short measure, codec or service name first
		if !looksLikeIdentifier(v) {
			t.Errorf("%s: not taken for an identifier", v)
		}
	}
	for _, v := range []string{"q8Zr2Lx9Pw4Tn7Vb3Km", "aQ9kLm2Xv7PzB62", "kT7rXq2mZp9LvB62", "_q8Zr2Lx9Pw4Tn7Vb3Km", "__kT7rXq2mZp9LvB62",
		"k7Qx9LmzRpwT", "p99LatencyRollup8x", "a1Bc"} {
		if looksLikeIdentifier(v) {
			t.Errorf("%s: taken for an identifier", v)
		}
	}
}

// TestNameSlugs: a lower-case (or word-case: XChaCha20-Poly1305), hyphen-separated name whose words may end
// in a version number (an algorithm such as xchacha20-poly1305, a cipher
// suite, a product and its version) is no key (kratos's cipher
// algorithm setting), and nor is one with dotted versions between its
// words (a CI cache key naming the tools it holds: spicedb's
// cockroach-v21.1.7-chaosd-v1.0.2-2); keys, UUIDs and random slugs that
// mix digits into letters or mix case still are, and so are versions
// with fewer than two words, or beside a random part.
func TestNameSlugs(t *testing.T) {
	for _, v := range []string{"xchacha20-poly1305", "aes-256-gcm", "ecdsa-p256-sha256", "chacha20-poly1305-v2", "123pan-thumbnail", "115cloud-download",
		"cockroach-v21.1.7-chaosd-v1.0.2-2", "cockroach-v21.2.7-chaosd-v1.1.1", "node-18.17.1-linux-deps", "golangci-lint-v1.55.2-cache",
		"announcement-v2.17", "release-v1.2.3"} {
		if c, why := assessValue("generic-api-key", v, false); c != confLow || !strings.Contains(why, "name of words") {
			t.Errorf("%s: confidence %v (%s), want low as a name", v, c, why)
		}
	}
	for _, v := range []string{"3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e", "k7x9-q2m4-z8w3-p5n1", "sk-live-Q8zrT2lxPw4TnVb3Kma", "a1b2c3d4-e5f6a7b8", "9f3c-7a2e", "12ab34cd-5e6f", "7k-9m-4q",
		"1.2.3-4.5.6-7", "k7-v1.2", "cache-v1.2.3-9f3c7a2e5b1d", "tools-v1.2.3-x9q7-k8m2", "deps-1.2.3.4.5-lint", "v1.2-k7x9q2m4z8w3"} {
		if nameSlug(v) {
			t.Errorf("%s: read as a name, want a key", v)
		}
	}
	// Written in word case: the algorithm names of go-authcrunch's key
	// configuration; random mixed case is not.
	for _, v := range []string{"XChaCha20-Poly1305", "AES-256-GCM", "ChaCha20-Poly1305", "ECDSA-P256-SHA256"} {
		if c, why := assessValue("generic-api-key", v, false); c != confLow || !strings.Contains(why, "name of words") {
			t.Errorf("%s: confidence %v (%s), want low as a name", v, c, why)
		}
	}
	for _, v := range []string{"kQpZr-XvTmw9", "a9XfQ2-Lm8Tz", "Q8zrT2lx-Pw4TnVb3", "XChaCha20-k7x9q2m4"} {
		if c, _ := assessValue("generic-api-key", v, false); c == confLow && (wordCaseSlug(v) && nameSlug(strings.ToLower(v))) {
			t.Errorf("%s: read as a name in word case, want a key", v)
		}
	}
}

// TestSequentialPlaceholders: values typed as runs of the alphabet and
// the digits (a doc example's write key, abcd1234efgh5678) are
// placeholders; generated keys of base62 and hex, which step to the
// next character about once in 62 or 16, are not.
func TestSequentialPlaceholders(t *testing.T) {
	for _, v := range []string{"abcabc123123defdef456456", "abcd1234efgh5678", "bcdefg234567", "MNOPQR789012"} {
		if c, why := assessValue("generic-api-key", v, false); c != confLow || !strings.Contains(why, "sequences") {
			t.Errorf("%s: confidence %v (%s), want low as sequences", v, c, why)
		}
	}
	for i := range 200 {
		v := testkeys.Generic(uint64(900 + i))
		if placeholder.Sequential(v) {
			t.Errorf("generated key %d…: rated sequential", i)
		}
	}
	for _, v := range []string{"q8Zr2Lx9Pw4Tn7Vb3Km", "7f3a9c2e8b1d4f6a0c5e", "abcXq8Zr2Lx9Pw4Tn7Vb"} {
		if placeholder.Sequential(v) {
			t.Errorf("%s: rated sequential", v)
		}
	}
}

// TestGoPseudoVersions: a Go module pseudo-version (go.mod, a Makefile
// pinning a tool) is no key; values that only start like one are.
func TestGoPseudoVersions(t *testing.T) {
	for _, v := range []string{"v0.0.0-20250701173324-9bd5c66d9911", "v1.36.12-0.20260120151049-f2248ac996af", "v2.0.0-rc.1.0.20240102030405-7c41d9e20f3b", "v0.0.0-20190311183353-d8887717615a+incompatible"} {
		if c, why := assessValue("generic-api-key", v, false); c != confLow || !strings.Contains(why, "pseudo-version") {
			t.Errorf("%s: confidence %v (%s), want low as a pseudo-version", v, c, why)
		}
	}
	for _, v := range []string{"v0.0.0-20250701173324-9bd5c66d9911x", "v0.0.0-2025070117332-9bd5c66d9911", "v1-20250701173324-9bd5c66d9911Qz", "k0.0.0-20250701173324-9bd5c66d9911"} {
		if goPseudoVersion.MatchString(v) {
			t.Errorf("%s: read as a pseudo-version", v)
		}
	}
}

// TestPrivateKeyRemediation: a private key is replaced, not rotated
// "with its issuer" (an SSH key has none); other secrets keep their
// advice.
func TestPrivateKeyRemediation(t *testing.T) {
	for _, status := range []string{StatusPresent, StatusHistory, StatusStaged, StatusDirectory} {
		key := remediationText(status, false, gitleaksrules.Provider{}, true)
		if !strings.Contains(key, "replace the key pair") || strings.Contains(key, "with its issuer") {
			t.Errorf("%s: private key: %q", status, key)
		}
		other := remediationText(status, false, gitleaksrules.Provider{}, false)
		if !strings.Contains(other, "rotate it with its issuer") {
			t.Errorf("%s: generic secret: %q", status, other)
		}
	}
}

// TestCurlWordsAreLowConfidence: a curl line's bearer value made of
// words (a demo's key-tenant-a) is low confidence; a random one is not,
// and the generic rule's handling is unchanged.
func TestCurlWordsAreLowConfidence(t *testing.T) {
	for _, tc := range []struct {
		rule, value string
		low         bool
	}{
		{"curl-auth-header", "key-tenant-a", true},
		{"curl-auth-user", "admin-key", true},
		{"curl-auth-header", "a9f3k2m8q1z7x4c6w0e5", false},
		{"curl-auth-header", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", false},
	} {
		c, why := assessValue(tc.rule, tc.value, false)
		if got := c == confLow; got != tc.low {
			t.Errorf("assessValue(%q, %q) = %v (%s), want low %v", tc.rule, tc.value, c, why, tc.low)
		}
	}
}
