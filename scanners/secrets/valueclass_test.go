package secrets

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// jwtWith is a signed-looking JWT (random signature) with these claims.
func jwtWith(claims string, seed uint64) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"ES384","typ":"JWT"}`)) + "." + enc([]byte(claims)) + "." + testkeys.Generic(seed) + testkeys.Generic(seed+1)
}

// TestJWTIssuedForTests: a JWT whose issuer or audience names tests or
// examples, or built on jwt.io's sample payload, is low confidence; one from a real issuer keeps its
// confidence, whatever its subject is called.
func TestJWTIssuedForTests(t *testing.T) {
	for _, tc := range []struct {
		claims string
		low    bool
	}{
		{`{"aud":["cerbos-jwt-tests"],"iss":"cerbos-test-suite","exp":1949934039}`, true},
		{`{"iss":"https://example.com","sub":"u1","exp":1949934039}`, true},
		{`{"aud":"e2e","iss":"https://auth.acme.io","exp":1949934039}`, true},
		{`{"iss":"demo-issuer","exp":1949934039}`, true},
		// jwt.io's sample payload, edited as documentation does.
		{`{"aud":"myapp-abcde","sub":"6436e06bde5c46dd9140eae9","name":"John Doe","iat":1516239022}`, true},
		{`{"sub":"1234567890","name":"John Doe","iat":1516239022}`, true},
		// Near misses.
		{`{"iss":"https://accounts.google.com","aud":"1234.apps.googleusercontent.com","exp":1949934039}`, false},
		{`{"iss":"https://auth.acme.io","sub":"test-user","exp":1949934039}`, false},
		{`{"iss":"attestation-service","aud":"latest-api","exp":1949934039}`, false},
		{`{"iss":"contest","aud":["testnet"],"exp":1949934039}`, false},
		{`{"iss":"https://auth.acme.io","example":"test","exp":1949934039}`, false},
		{`{"sub":"1234567890","name":"John Doe","iat":1516239023,"exp":1949934039}`, false},
		{`{"iss":"https://auth.acme.io","sub":"u1","iat":1716239022,"exp":1949934039}`, false},
	} {
		c, why := assessJWT(jwtWith(tc.claims, 830))
		if (c == confLow) != tc.low {
			t.Errorf("%s: confidence %s (%s), want low %v", tc.claims, c, why, tc.low)
		}
	}
}

// TestPasswordHashes: a password hash in a crypt format, as written or
// base64-encoded (cerbos's passwordHash), is low confidence; random
// values that share a prefix or a shape are not.
func TestPasswordHashes(t *testing.T) {
	bcrypt := "$2y$10$.Ab42cdI4nPGcV2bOvsmAOwsOQaP4xQFtpknaDyxu6yHU15prMcNO"
	b64 := base64.StdEncoding.EncodeToString
	for _, tc := range []struct {
		name, value string
		low         bool
	}{
		{"bcrypt", bcrypt, true},
		{"bcrypt base64", b64([]byte(bcrypt + "\n\n")), true},
		{"bcrypt 2a", "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", true},
		{"argon2id", "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG", true},
		{"sha512-crypt", "$6$rounds=5000$saltsalt$" + strings.Repeat("a1B2c3D4", 10) + "abc", true},
		{"django pbkdf2", "pbkdf2_sha256$260000$" + testkeys.Generic(840)[:22] + "$" + b64([]byte(testkeys.Generic(841))), true},
		// Near misses.
		{"bcrypt prefix, too short", "$2y$10$" + testkeys.Generic(842)[:20], false},
		{"dollar-separated token", "$key$" + testkeys.Generic(843) + "$" + testkeys.Generic(844), false},
		{"random base64", b64([]byte(testkeys.Generic(845) + testkeys.Generic(846))), false},
		{"random", testkeys.Generic(847) + testkeys.Generic(848), false},
	} {
		c, why := assessValue("generic-api-key", tc.value, false)
		if (c == confLow) != tc.low {
			t.Errorf("%s: confidence %s (%s), want low %v", tc.name, c, why, tc.low)
		}
	}
}

// TestPublishedShapesAreNotes: in a real history, values that are
// examples, hashes, tests' tokens or public keys by what they are or
// where their line puts them are notes; their near misses keep their
// level.
func TestPublishedShapesAreNotes(t *testing.T) {
	r := newRepo(t)
	tagExample, tagDefault := testkeys.Hex(850, 64), testkeys.Hex(851, 64)
	bcrypt := base64.StdEncoding.EncodeToString([]byte("$2y$10$.Ab42cdI4nPGcV2bOvsmAOwsOQaP4xQFtpknaDyxu6yHU15prMcNO\n\n"))
	plainKey := testkeys.Generic(852)
	pubJSON := base64.StdEncoding.EncodeToString([]byte(`{"Key":"` + testkeys.Generic(853) + `=","Metadata":{"id":"9a49866b631623b4"}}`))
	privJSON := base64.StdEncoding.EncodeToString([]byte(`{"Key":"` + testkeys.Generic(854) + `=","Metadata":{"id":"9a49866b631623b4"}}`))
	testJWT := jwtWith(`{"aud":["acme-jwt-tests"],"iss":"acme-test-suite","exp":1949934039}`, 855)
	liveJWT := jwtWith(`{"aud":["acme-api"],"iss":"https://auth.acme.io","exp":1949934039}`, 857)
	protoJWT := jwtWith(`{"aud":["acme-api"],"iss":"https://auth.acme.io","sub":"u2","exp":1949934039}`, 859)
	r.write("internal/hub/conf.go", "package hub\n\ntype Conf struct {\n\tEncryptionKey string `yaml:\"encryptionKey\" conf:\",example="+tagExample+"\"`\n\tSigningKey string `yaml:\"signingKey\" conf:\",default="+tagDefault+"\"`\n}\n")
	// The configuration reference generated from the tags: the scan
	// matches the values here and finds them in conf.go by their text.
	r.write("docs/config.md", "```yaml\nhub:\n  encryptionKey: "+tagExample+"\n  signingKey: "+tagDefault+"\n```\n")
	r.write("deploy/conf.yaml", "admin:\n  username: admin\n  passwordHash: "+bcrypt+"\n  secretKey: "+plainKey+"\n")
	r.write("certs/root-pub.pem", "-----BEGIN ROOT PUBLIC KEY-----\n"+wrap(pubJSON, 64)+"-----END ROOT PUBLIC KEY-----\n")
	r.write("certs/root.txt", wrap(privJSON, 64))
	r.write("requests/check.json", "{\n  \"token\": \""+testJWT+"\",\n  \"other\": \""+liveJWT+"\"\n}\n")
	r.write("api/request.proto", "message R {\n  string token = 1 [\n    (openapiv2_field) = {\n      description: \"JWT\"\n      example: \"\\\""+protoJWT+"\\\"\"\n    }\n  ];\n}\n")
	rpc, rpcProd := testkeys.Hex(861, 32), testkeys.Hex(862, 32)
	r.write("docker/compose/dev/docker-compose.yml", "services:\n  server:\n    environment:\n    - SERVER_HOST=localhost:9000\n    - RPC_SECRET="+rpc+"\n  runner:\n    environment:\n    - RPC_HOST=server\n    - RPC_SECRET="+rpc+"\n")
	r.write("deploy/docker-compose.yml", "services:\n  server:\n    environment:\n    - SERVER_HOST=ci.acme.io\n    - DB_HOST=localhost\n    - RPC_SECRET="+rpcProd+"\n")
	r.commit("config, keys, requests")
	res := scanRepo(t, Options{Root: r.dir})
	for _, tc := range []struct {
		path, snippet string
		note          bool
	}{
		{"docs/config.md", "encryptionKey", true},
		{"docs/config.md", "signingKey", false},
		{"deploy/conf.yaml", "passwordHash", true},
		{"deploy/conf.yaml", "secretKey", false},
		{"certs/root-pub.pem", "", true},
		{"certs/root.txt", "", false},
		{"requests/check.json", "\"token\"", true},
		{"requests/check.json", "\"other\"", false},
		{"api/request.proto", "example", true},
		{"docker/compose/dev/docker-compose.yml", "RPC_SECRET", true},
		{"deploy/docker-compose.yml", "RPC_SECRET", false},
	} {
		f := findingAt(t, res, tc.path, tc.snippet)
		if got := f.Level == finding.LevelNote; got != tc.note {
			t.Errorf("%s:%d (%s): level %s, want note %v: %s", f.Location.Path, f.Location.StartLine, tc.snippet, f.Level, tc.note, f.Message)
		}
	}
	assertNoLeak(t, res, tagExample, tagDefault, plainKey, testJWT, liveJWT, protoJWT, rpc, rpcProd)
}

// wrap breaks s into lines of n characters, each ending in a newline.
func wrap(s string, n int) string {
	var b strings.Builder
	for len(s) > n {
		b.WriteString(s[:n] + "\n")
		s = s[n:]
	}
	return b.String() + s + "\n"
}
