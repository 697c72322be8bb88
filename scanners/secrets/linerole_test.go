package secrets

import (
	"fmt"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/testkeys"
)

// TestLineRole: a value that is a flag's argument in help text, or an
// example in a flag's description, is an example; the same value used by
// the program (a flag's default, a command it runs, a script's command
// under its usage text) is not.
func TestLineRole(t *testing.T) {
	const v = "SECRETVALUE"
	for _, tc := range []struct {
		name, path, text, want string
	}{
		// Positives.
		{"cobra Example", "cmd/login.go", "var cmd = &cobra.Command{\n\tUse: \"login\",\n\tExample: `  tool login --token=" + v + "\n  tool login -t " + v + "`,\n}", roleHelp},
		{"usage raw string", "main.go", "const usage = `Usage: tool [flags]\n\nFlags:\n  --api-key KEY   the key\n\nExample:\n  tool --api-key " + v + " list\n`", roleHelp},
		{"prompt in a comment", "client.go", "// Run it as:\n//\n//\t$ client --secret=\"" + v + "\"\npackage client", roleHelp},
		{"curl header in usage", "cmd/help.go", "fmt.Println(`Usage:\n  curl -H \"Authorization: Bearer " + v + "\" https://api/v1`)", roleHelp},
		{"flag description e.g.", "main.go", "flag.String(\"token\", \"\", \"API token, e.g. " + v + "\")", roleFlag},
		{"urfave usage such as", "main.go", "&cli.StringFlag{Name: \"key\", Usage: \"signing key such as " + v + "\"}", roleFlag},
		{"script prints usage", "run.sh", "usage() {\n  echo \"Usage: run.sh\"\n  echo \"  run.sh --token=" + v + "\"\n}", roleHelp},
		{"env example in help text", "cmd/host.go", "- SYSTEM_SECRET: a secret of 16 characters or more.\n\tExample: SYSTEM_SECRET=" + v + "\n", roleHelp},
		{"env example e.g.", "main.go", "// Set the key in the environment, e.g. API_KEY=\"" + v + "\"", roleHelp},
		{"env example in a script comment", "run.sh", "# Example: export API_TOKEN=" + v + "\n", roleHelp},
		// Near misses.
		{"env assignment in a script", "run.sh", "# Example below\nAPI_TOKEN=" + v + "\n", ""},
		{"example word not a marker", "main.go", "exampleKey := \"SYSTEM_SECRET=" + v + "\"", ""},
		{"flag default", "main.go", "flag.String(\"token\", \"" + v + "\", \"API token\")", ""},
		{"command it runs", "deploy.go", "exec.Command(\"tool\", \"--token=" + v + "\")", ""},
		{"script command under usage", "deploy.sh", "# Usage: deploy.sh\nset -e\ncurl --token=" + v + " https://api\n", ""},
		{"no heading", "main.go", "args := []string{\"--token\", \"" + v + "\"}", ""},
		{"heading too far above", "main.go", "// Usage: tool" + strings.Repeat("\nx := 1", 20) + "\nrun(\"--token=" + v + "\")", ""},
		{"assignment under usage", "main.go", "// Usage: see docs\nvar token = \"" + v + "\"", ""},
		// A map service's browser key in front-end code.
		{"amap key in a vue widget", "web/src/view/dashboard/weather.js", "const amapKey = '" + v + "'\n", roleMapBrowserKey},
		{"google maps key in tsx", "src/Map.tsx", "  googleMapsApiKey: \"" + v + "\",\n", roleMapBrowserKey},
		{"vite public env", "web/.env.production", "VITE_AMAP_KEY=" + v + "\n", roleMapBrowserKey},
		// Near misses: the same name in server code, another key in
		// front-end code, a private env variable.
		{"map key in Go", "service/geo.go", "mapKey := \"" + v + "\"\n", ""},
		{"api key in js", "web/src/api.js", "const apiKey = '" + v + "'\n", ""},
		{"server env", ".env", "AMAP_KEY=" + v + "\n", ""},
		// A comment beside the value calls it a placeholder.
		{"placeholder comment above", "etc/logs.toml", "## just a placeholder\napi_key = \"" + v + "\"\n", rolePlaceholderComment},
		{"dummy comment after", "config.yml", "api_key: " + v + " # dummy value for the demo\n", rolePlaceholderComment},
		{"not a real key after", "main.go", "var key = \"" + v + "\" // not a real key\n", rolePlaceholderComment},
		{"comment labels a test key", "middleware.go", "// Test key: " + v + "\n", rolePlaceholderComment},
		{"comment labels a dummy token", "run.sh", "# dummy token = " + v + "\n", rolePlaceholderComment},
		// A comment beside the value calls it public by design.
		{"push-only after", ".github/workflows/fossa.yml", "    env:\n      FOSSA_API_KEY: " + v + " # This is a push-only token that is safe to be exposed.\n", rolePublicComment},
		{"push-only above", ".github/workflows/fossa.yml", "        with:\n          # FOSSA Push-Only API Token\n          fossa-api-key: " + v + "\n", rolePublicComment},
		{"safe to commit", "config.yml", "upload_token: " + v + " # safe to commit\n", rolePublicComment},
		{"public key above", "src/constants.ts", "// Builder.io API Key (public key for OSS)\nexport const BUILDER_API_KEY = '" + v + "';\n", rolePublicComment},
		{"publishable key after", "web/config.js", "apiKey: '" + v + "', // publishable key\n", rolePublicComment},
		// Near misses: read-only, a warning, the words two lines up.
		{"read-only token", "config.yml", "token: " + v + " # read-only token\n", ""},
		{"not safe to expose", "config.yml", "# never commit: this key is not safe to share\napi_key: " + v + "\n", ""},
		{"push-only two lines up", "ci.yml", "# push-only\n\napi_key: " + v + "\n", ""},
		{"not a public key", "config.yml", "# secret: not a public key\napi_key: " + v + "\n", ""},
		{"public key's secret", "config.yml", "# the secret paired with the public key\napi_secret: " + v + "\n", ""},
		{"private key under a public key's line", "server/server.yml", "# - web-push-public-key is the generated VAPID public key\n# - web-push-private-key is the generated VAPID private key: " + v + "\n", ""},
		{"test key label in code", "main.go", "testKey := \"" + v + "\"\n", ""},
		{"comment with a live key", "main.go", "// api key: " + v + "\n", ""},
		// Near misses: a comment that asks to replace or change it,
		// a placeholder word two lines up, the word in the value's key.
		{"replace comment", "config.yml", "# replace with your own key\napi_key: " + v + "\n", ""},
		{"placeholder two lines up", "config.toml", "# placeholder\n\napi_key = \"" + v + "\"\n", ""},
		{"placeholder in the key", "config.yml", "placeholder_key: " + v + "\n", ""},
		// Ciphertext under an encrypted key.
		{"renovate encrypted", "renovate.json", "{\n  \"hostRules\": [{\n    \"matchHost\": \"github.com\",\n    \"encrypted\": {\n      \"token\": \"" + v + "\"\n    }\n  }]\n}", roleCiphertext},
		{"sealed secret", "deploy/sealed.yaml", "kind: SealedSecret\nspec:\n  encryptedData:\n    password: " + v + "\n", roleCiphertext},
		{"sibling flag named encrypted", "config.yaml", "auth:\n  encrypted: false\n  token: " + v + "\n", ""},
		{"key named encrypted on the line", "config.yaml", "auth:\n  encrypted_token: " + v + "\n", ""},
		{"decrypted parent", "config.yaml", "decrypted:\n  token: " + v + "\n", ""},
		{"top level", "config.yaml", "encrypted:\ntoken: " + v + "\n", ""},
		// Examples in API and schema descriptions.
		{"openapi example", "api/openapi.yml", "schema:\n  type: string\n  example: otpauth://totp/a?secret=" + v + "\n", roleSpecExample},
		{"openapi examples list", "api/openapi.yml", "schema:\n  type: string\n  examples:\n    - '" + v + "'\n", roleSpecExample},
		{"openapi 3 named example", "api/openapi.yaml", "content:\n  examples:\n    ok:\n      value: " + v + "\n", roleSpecExample},
		{"json schema examples", "schema/token.json", "{\n  \"examples\": [\n    \"" + v + "\"\n  ]\n}", roleSpecExample},
		{"key named example_token", "config.yaml", "auth:\n  example_token: " + v + "\n", ""},
		{"samples block", "config.yaml", "samples:\n  token: " + v + "\n", ""},
		{"examples key in Go", "main.go", "var c = Config{\n\texample: \"" + v + "\",\n}", ""},
		{"sibling of examples", "api/openapi.yml", "security:\n  examples: []\n  token: " + v + "\n", ""},
		// The example option of a Go struct tag, and a protobuf
		// field's OpenAPI example (cerbos's configuration docs and
		// request.proto).
		{"conf tag example", "internal/server/conf.go", "\tPasswordHash string `yaml:\"passwordHash\" conf:\",example=" + v + "\"`\n", roleSpecExample},
		{"jsonschema tag example", "config.go", "\tKey string `json:\"key\" jsonschema:\"example=" + v + "\"`\n", roleSpecExample},
		{"swaggo example tag", "model.go", "\tToken string `json:\"token\" example:\"" + v + "\"`\n", roleSpecExample},
		{"proto openapi example", "api/request.proto", "string token = 1 [\n  (openapiv2_field) = {\n    description: \"JWT\"\n    example: \"\\\"" + v + "\\\"\"\n  }\n];\n", roleSpecExample},
		{"swaggo tag example member", "model.go", "\tContext map[string]any `json:\"context\" example:\"targetingKey:" + v + ",firstname:John\"`\n", roleSpecExample},
		{"swaggo docs.go template", "docs/docs.go", "const docTemplate = `{\n    \"definitions\": {\n        \"req\": {\n            \"example\": {\n                \"targetingKey\": \"" + v + "\"\n            }\n        }\n    }\n}`\n", roleSpecExample},
		{"json member in Go, no example", "config.go", "const cfg = `{\n    \"settings\": {\n        \"apiKey\": \"" + v + "\"\n    }\n}`\n", ""},
		{"conf tag default", "conf.go", "\tKey string `yaml:\"key\" conf:\",default=" + v + "\"`\n", ""},
		{"tag named example_key", "conf.go", "\tKey string `yaml:\"example_key\" default:\"" + v + "\"`\n", ""},
		{"example= outside a tag", "main.go", "q := \"example=" + v + "\"\n", ""},
		{"proto field default", "api/x.proto", "string token = 1 [default = \"" + v + "\"];\n", ""},
		// A TOML example: a line keyed example, or a multi-line string
		// such a key opens (lego's provider descriptors, from which
		// the docs' example commands are generated).
		{"toml multi-line Example", "providers/dns/acme/acme.toml", "Name = \"Acme\"\n\nExample = '''\nACME_USERNAME=foo.bar \\\nACME_API_TOKEN=" + v + " \\\nlego run --dns acme\n'''\n", roleSpecExample},
		{"toml basic multi-line examples", "tool.toml", "examples = \"\"\"\ntool --token " + v + "\n\"\"\"\n", roleSpecExample},
		{"toml example key", "conf.toml", "[auth]\nexample = \"" + v + "\"\n", roleSpecExample},
		{"toml other multi-line string", "tool.toml", "Run = '''\nACME_API_TOKEN=" + v + "\n'''\n", ""},
		{"toml after the example closes", "tool.toml", "Example = '''\nlego run\n'''\n\n[Credentials]\nACME_API_TOKEN = \"" + v + "\"\n", ""},
		{"toml one-line example string", "tool.toml", "Example = '''lego run'''\ntoken = \"" + v + "\"\n", ""},
		{"toml key example_token", "conf.toml", "example_token = \"" + v + "\"\n", ""},
		{"toml default", "conf.toml", "default = \"" + v + "\"\n", ""},
		// A Python docstring is documentation; a triple-quoted string
		// that is data is not.
		{"python module docstring", "scripts/ansible/inventory.py", "#!/usr/bin/env python\n\n'''\nInventory script\n\nNOTE: set the token first:\n    export PACKET_API_TOKEN=" + v + "\n'''\n\n# (c) 2016\nimport os\n", roleDocstring},
		{"python function docstring", "tool.py", "def fetch(token):\n    \"\"\"Fetch the inventory.\n\n    token=" + v + "\n    \"\"\"\n    return token\n", roleDocstring},
		{"python assigned triple string", "tool.py", "CONFIG = \"\"\"\ntoken=" + v + "\n\"\"\"\n", ""},
		{"python call argument", "tool.py", "run(\n    '''\n    token=" + v + "\n    '''\n)\n", ""},
		{"python after the docstring", "tool.py", "'''Docs.\n'''\nTOKEN = '" + v + "'\n", ""},
		{"docstring quotes outside python", "notes.txt", "'''\ntoken=" + v + "\n'''\n", ""},
		// The body of a public key, certificate or signature block
		// (netbird's root-pub.pem: base64 JSON holding "Key").
		{"public key block", "certs/root-pub.pem", "-----BEGIN ROOT PUBLIC KEY-----\n" + v + "\n-----END ROOT PUBLIC KEY-----\n", rolePublicKey},
		{"pgp public key block", "KEYS", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINB\n" + v + "\n-----END PGP PUBLIC KEY BLOCK-----\n", rolePublicKey},
		{"certificate", "ca.crt", "-----BEGIN CERTIFICATE-----\nMIIB\n" + v + "\n-----END CERTIFICATE-----\n", rolePublicKey},
		{"private key block", "key.pem", "-----BEGIN PRIVATE KEY-----\n" + v + "\n-----END PRIVATE KEY-----\n", ""},
		{"encrypted private key block", "key.pem", "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + v + "\n-----END ENCRYPTED PRIVATE KEY-----\n", ""},
		{"after a public block", "keys.txt", "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\ntoken: " + v + "\n", ""},
		{"public block then a private one", "keys.pem", "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n-----BEGIN RSA PRIVATE KEY-----\n" + v + "\n-----END RSA PRIVATE KEY-----\n", ""},
		// A Compose stack whose server is addressed as localhost
		// (drone's docker/compose/*: DRONE_SERVER_HOST=localhost:9000).
		{"compose server on localhost", "docker/compose/drone-gitea/docker-compose.yml", "services:\n  drone:\n    environment:\n    - DRONE_SERVER_HOST=localhost:9000\n    - DRONE_RPC_SECRET=" + v + "\n  runner:\n    environment:\n    - DRONE_RPC_HOST=drone\n", roleLocalStack},
		{"compose public url on loopback", "compose.yaml", "services:\n  app:\n    environment:\n      PUBLIC_URL: \"http://127.0.0.1:8080\"\n      API_SECRET: " + v + "\n", roleLocalStack},
		{"compose database on localhost", "docker-compose.yml", "services:\n  app:\n    network_mode: host\n    environment:\n    - DB_HOST=localhost\n    - API_SECRET=" + v + "\n", ""},
		{"compose server on a real host", "docker-compose.yml", "services:\n  drone:\n    environment:\n    - DRONE_SERVER_HOST=ci.acme.io\n    - DRONE_RPC_SECRET=" + v + "\n", ""},
		{"compose server on a localhost-named domain", "docker-compose.yml", "services:\n  app:\n    environment:\n    - SERVER_URL=https://localhost.acme.io\n    - API_SECRET=" + v + "\n", ""},
		{"kubernetes manifest on localhost", "deploy/app.yaml", "env:\n- name: SERVER_HOST\n  value: localhost\nSERVER_HOST=localhost\nAPI_SECRET=" + v + "\n", ""},
		// A value its line's prose shows as an example of a format
		// (kratos's session token in generated client docs).
		{"format of in a comment", "session/handler.go", "\t// A session token has a format of `" + v + "`.\n", roleProseExample},
		{"sample beside its description", "docs/PublicApi.md", "    xSessionToken := \"" + v + "\" // string | A session token has a format of `" + v + "`. (optional)\n", roleProseExample},
		{"e.g. in prose", "README.md", "Set the key, e.g. `" + v + "`, in the config.\n", roleProseExample},
		{"example of a header in a spec's description", "api/openapi.json", "        \"description\": \"A server or user API key.\\n\\n**Example:** `apiKey: " + v + "`\"\n", roleProseExample},
		{"example marker, then a sentence", "docs/setup.md", "Example: run the server; the key is " + v + "\n", ""},
		{"example key in a Go map", "main.go", "m := map[string]string{\"example\": \"x\", \"token\": \"" + v + "\"}\n", ""},
		{"format word elsewhere", "main.go", "token := \"" + v + "\" // the format of the token is checked below\n", ""},
		{"marker before another value", "main.go", "key := \"" + v + "\" // has a format of `abcdefgh12345678`\n", ""},
		{"marker far along a long line", "www/dist/app.js", strings.Repeat("f(\""+v+"\");", 2000) + "/* the key has a format of `" + v + "` */\n", roleProseExample},
		{"value repeated along a long line", "www/dist/app.js", strings.Repeat("f(\""+v+"\");", 2000) + "\n", ""},
		{"value once, no marker", "docs/api.md", "    xSessionToken := \"" + v + "\" // string | the session token\n", ""},
		// Keys of a mapping: the entry's name, not its value.
		{"json object key after a keyword value", "data/aaguids.json", "{\n  \"a\": \"FIDO2 Authenticator\",\n  \"" + v + "\": \"YubiKey 5\"\n}", roleMapKey},
		{"single-quoted key", "ids.yaml", "'" + v + "': device\n", roleMapKey},
		{"json value", "config.json", "{\"api_key\": \"" + v + "\"}", ""},
		{"json list element", "config.json", "{\"keys\": [\"" + v + "\", \"x\"]}", ""},
		{"go assignment", "main.go", "apiKey := \"" + v + "\"", ""},
		{"url in quotes", "main.go", "u := \"" + v + "://host\"", ""},
		{"unquoted yaml key", "config.yaml", "token: " + v + "\n", ""},
		{"colon after the line ends", "config.json", "[\"" + v + "\"\n, :x]", ""},
		// The argument of a long option whose name says no credential
		// (cerbos's help text: an audit call id under --lookup, the
		// generic rule's keyword being the value of --kind).
		{"other option in help text", "cmd/cerbosctl/audit/audit.go", "const help = `View audit logs.\n\n# View a specific access log entry by call ID\ncerbosctl audit --kind=access --lookup=" + v + "`", roleOtherFlag},
		{"other option, space form", "main.go", "args := []string{\"--mode\", \"auth\", \"--record \" + \"" + v + "\"}", ""},
		{"other option in a script", "run.sh", "tool --kind=access --id=" + v + "\n", roleOtherFlag},
		{"other option quoted", "README.md", "tool --scope=api --ref=\"" + v + "\"\n", roleOtherFlag},
		{"credential option", "main.go", "run(\"tool --kind=access --access-key=" + v + "\")", ""},
		{"token option", "deploy.sh", "curl --kind=access --token=" + v + " https://api\n", ""},
		{"password option", "main.go", "cmd := \"db --user=admin --passwd=" + v + "\"", ""},
		{"short option", "main.go", "cmd := \"mysql --user=access -p" + v + "\"", ""},
		{"short option with space", "main.go", "cmd := \"tool --kind=access -k " + v + "\"", ""},
		{"option named like a key", "main.go", "cmd := \"tool --mode=auth --signing-id=" + v + "\"", ""},
	} {
		i := strings.Index(tc.text, v)
		if got := lineRole(tc.path, tc.text, i); got != tc.want {
			t.Errorf("%s: lineRole = %q, want %q", tc.name, got, tc.want)
		}
	}
	// Key fingerprints and ids named so.
	fp40, fp16 := strings.ToUpper(testkeys.Hex(810, 40)), testkeys.Hex(811, 16)
	for _, tc := range []struct{ name, text, value, want string }{
		{"gpg fingerprint", "env:\n  RELEASE_GPG_KEY: " + fp40 + "\n", fp40, roleFingerprint},
		{"key id", "signing_key_id = \"" + fp16 + "\"", fp16, roleFingerprint},
		{"ssh fingerprint", "host_fingerprint: " + fp40, fp40, roleFingerprint},
		{"gpg passphrase is not hex", "GPG_PASSPHRASE: " + v, v, ""},
		{"hex api key", "api_key: " + fp40, fp40, ""},
		{"gpg key, 32 hex", "GPG_KEY: " + testkeys.Hex(812, 32), testkeys.Hex(812, 32), ""},
		{"hex then letters", "GPG_KEY: " + fp40 + "zz", fp40, ""},
		{"keygrip heading above", "Keygrip:\nMain key                : " + fp40 + "\n", fp40, roleFingerprint},
		{"fingerprint on the line", "Signing subkey fingerprint: " + fp40, fp40, roleFingerprint},
		{"sign key in a gpg script", ": ${SIGNKEY:=\"" + fp40 + "\"}\ngpg --list-keys | grep $SIGNKEY\n", fp40, roleFingerprint},
		{"sign key beside gpg-agent", ": ${SIGNKEY:=\"" + fp40 + "\"}\ncat >> ~/.gnupg/gpg-agent.conf\n", fp40, roleFingerprint},
		{"sign key, no gpg", "SIGN_KEY=" + fp40 + "\ncurl -H \"X-Sign: $SIGN_KEY\" https://api\n", fp40, ""},
		{"heading two lines above", "Keygrip:\n\nAPI key: " + fp40, fp40, ""},
	} {
		i := strings.Index(tc.text, tc.value)
		if got := lineRole("config.yaml", tc.text, i); got != tc.want {
			t.Errorf("%s: lineRole = %q, want %q", tc.name, got, tc.want)
		}
	}
	// Digests and checksums named so (harbor's VALKEYSHA256 in its
	// Makefile: "key" inside "valkey").
	d32, d40, d64 := testkeys.Hex(820, 32), testkeys.Hex(821, 40), testkeys.Hex(822, 64)
	for _, tc := range []struct{ name, path, text, value, want string }{
		{"makefile sha256", "Makefile", "VALKEYVERSION=9.0.3\nVALKEYSHA256=" + d64 + "\n", d64, roleDigest},
		{"yaml sha256sum", "config.yaml", "kubectl_sha256sum: " + d64, d64, roleDigest},
		{"json checksum", "lock.json", `"checksum": "` + d40 + `"`, d40, roleDigest},
		{"go md5", "main.go", "const schemaMD5 = \"" + d32 + "\"", d32, roleDigest},
		{"sha256 named, sha1 length", "Makefile", "TOOL_SHA256=" + d40, d40, ""},
		{"name ends in key", "Makefile", "SHA256_KEY=" + d64, d64, ""},
		{"secret named md5", "config.yaml", "md5_secret: " + d32, d32, ""},
		{"checksum of odd length", "config.yaml", "checksum: " + d40[:36], d40[:36], ""},
		{"api key", "config.yaml", "api_key: " + d64, d64, ""},
		// A map of files to their digests (Graphify's cache index).
		{"file path keyed digest", "graphify-out/cache/stat-index.json", `{"/Users/dev/repo/a.md":{"size":6028,"hashes":{"docs/en/images/kubesphere_secret_en.png":"` + d64 + `"}}}`, d64, roleDigest},
		{"file path keyed sha1", "index.json", `{"src/auth/token_store.go":"` + d40 + `"}`, d40, roleDigest},
		{"credential file keyed hex", "secrets.json", `{"deploy/tls/server.key":"` + d64 + `"}`, d64, ""},
		{"dotted key without a path", "config.json", `{"auth.token":"` + d40 + `"}`, d40, ""},
		{"path keyed odd length", "index.json", `{"docs/a.png":"` + d40[:36] + `"}`, d40[:36], ""},
	} {
		i := strings.Index(tc.text, tc.value)
		if got := lineRole(tc.path, tc.text, i); got != tc.want {
			t.Errorf("%s: lineRole = %q, want %q", tc.name, got, tc.want)
		}
	}
	// Names in Go code, outside strings and comments (kanister's
	// secretNS := IBMK8sSecretNS).
	for _, tc := range []struct{ name, path, text, value, want string }{
		{"go constant name", "pkg/blockstorage/ibm/client.go", "func f() {\n\tsecretNS := IBMK8sSecretNS\n}\n", "IBMK8sSecretNS", roleGoName},
		{"go qualified name in a literal", "main.go", "c := Config{APIKey: opts.SecretK8sKey3}\n", "opts.SecretK8sKey3", roleGoName},
		{"go call argument", "main.go", "client.Login(user, tokenK8sFromVault)\n", "tokenK8sFromVault", roleGoName},
		{"go quoted value", "main.go", "secretNS := \"IBMK8sSecretNS\"\n", "IBMK8sSecretNS", ""},
		{"go raw string", "main.go", "const cfg = `\nsecret: IBMK8sSecretNS\n`\n", "IBMK8sSecretNS", ""},
		{"go comment", "main.go", "// secret = IBMK8sSecretNS\n", "IBMK8sSecretNS", ""},
		{"not go", "deploy.py", "secret = IBMK8sSecretNS\n", "IBMK8sSecretNS", ""},
		{"go value with dash", "main.go", "// x\nsecret := a-b9Xk2mQ\n", "a-b9Xk2mQ", ""},
	} {
		i := strings.Index(tc.text, tc.value)
		if got := lineRole(tc.path, tc.text, i); got != tc.want {
			t.Errorf("%s: lineRole = %q, want %q", tc.name, got, tc.want)
		}
	}
	// Hex revisions a dependency path is pinned to.
	h32, h40, h64 := testkeys.Hex(813, 32), testkeys.Hex(814, 40), testkeys.Hex(815, 64)
	for _, tc := range []struct{ name, text, value, want string }{
		{"buf dependency", "deps:\n  - buf.build/googleapis/googleapis:" + h32 + "\n", h32, rolePinnedRevision},
		{"go module at a commit", "go get github.com/org/repo@" + h40, h40, rolePinnedRevision},
		{"image digest in quotes", "image: \"ghcr.io/org/app:" + h64 + "\"", h64, rolePinnedRevision},
		{"pinned in a list", "[\"buf.build/org/mod:" + h32 + "\"]", h32, rolePinnedRevision},
		{"password in a url", "DB=https://user:" + h32 + "@db.example.com", h32, ""},
		{"path then userinfo", "proxy: team/user:" + h40 + "@proxy.example.com", h40, ""},
		{"key named, no path", "api_key: " + h32, h32, ""},
		{"assigned after a path-like name", "API_KEY=team/app:" + h32, h32, ""},
		{"hex of another length", "deps:\n  - buf.build/org/mod:" + h32[:24] + "\n", h32[:24], ""},
	} {
		i := strings.Index(tc.text, tc.value)
		if got := lineRole("config.yaml", tc.text, i); got != tc.want {
			t.Errorf("%s: lineRole = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestHelpTextAndLocalDevAreNotes: end to end, a key in a CLI's help
// text, a local development stack, a benchmark directory and ciphertext
// under an encrypted key is a note;
// the same kind of key used by the program stays at its level.
func TestHelpTextAndLocalDevAreNotes(t *testing.T) {
	r := newRepo(t)
	help, def := testkeys.GitHub(701), testkeys.GitHub(702)
	dev, bench, prod := testkeys.Generic(703)+"x9", testkeys.Generic(704)+"y8", testkeys.Generic(705)+"z7"
	r.write("cmd/tool/main.go", "package main\n\nconst usage = `Usage: tool [flags]\n\nExample:\n  tool --github-token="+help+" sync\n`\n\nvar tok = flag.String(\"github-token\", \""+def+"\", \"token\")\n")
	r.write("contrib/local-environment/oauth2-proxy.cfg", "client_secret=\""+dev+"\"\n")
	r.write("benchmark/config.yaml", "api_secret: \""+bench+"\"\n")
	r.write("deploy/config.yaml", "api_secret: \""+prod+"\"\n")
	enc, plain := testkeys.Generic(706)+"Q5", testkeys.Generic(707)+"R6"
	r.write("renovate.json", "{\n  \"hostRules\": [\n    {\n      \"encrypted\": {\n        \"token\": \""+enc+"\"\n      }\n    },\n    {\n      \"token\": \""+plain+"\"\n    }\n  ]\n}\n")
	r.commit("tool")
	res := scanRepo(t, Options{Root: r.dir})
	for _, tc := range []struct {
		path, snippet string
		want          finding.Level
	}{
		{"cmd/tool/main.go", "tool --github-token=", finding.LevelNote},
		{"cmd/tool/main.go", "flag.String", finding.LevelError},
		{"contrib/local-environment/oauth2-proxy.cfg", "client_secret", finding.LevelNote},
		{"benchmark/config.yaml", "api_secret", finding.LevelNote},
		{"deploy/config.yaml", "api_secret", finding.LevelWarning}, // generic-api-key tops out at warning
		{"renovate.json", enc[:4], finding.LevelNote},
		{"renovate.json", plain[:4], finding.LevelWarning},
	} {
		f := findingAt(t, res, tc.path, tc.snippet)
		if f.Level != tc.want {
			t.Errorf("%s %q: level %s (%v), want %s", tc.path, tc.snippet, f.Level, prop(f, "levelReason"), tc.want)
		}
	}
	assertNoLeak(t, res, help, def, dev, bench, prod, enc, plain)
}

// TestOtherOptionArgumentIsNote: end to end, a generic match whose value
// is the argument of a long option named with no credential word (the
// keyword being an earlier word of the command line) is a note; a key in
// a provider's format handed to such an option, and a generic value
// handed to a credential option, keep their level.
func TestOtherOptionArgumentIsNote(t *testing.T) {
	r := newRepo(t)
	id, gh, tok := testkeys.Generic(731)+"T4", testkeys.GitHub(732), testkeys.Generic(733)+"V6"
	r.write("cmd/ctl/audit.go", "package audit\n\nconst help = `View audit logs.\n\n# View a specific access log entry by call ID\nctl audit --kind=access --lookup="+id+"`\n")
	r.write("cmd/ctl/sync.go", "package audit\n\nconst sync = `# Sync a repository\nctl sync --kind=access --lookup="+gh+"`\n")
	r.write("deploy/run.go", "package deploy\n\nconst cmd = `ctl push --kind=access --api-token="+tok+"`\n")
	r.commit("ctl")
	res := scanRepo(t, Options{Root: r.dir})
	for _, tc := range []struct {
		path, snippet string
		want          finding.Level
	}{
		{"cmd/ctl/audit.go", "--lookup=", finding.LevelNote},
		{"cmd/ctl/sync.go", "--lookup=", finding.LevelError},
		{"deploy/run.go", "--api-token=", finding.LevelWarning},
	} {
		f := findingAt(t, res, tc.path, tc.snippet)
		if f.Level != tc.want {
			t.Errorf("%s %q: level %s (%v), want %s", tc.path, tc.snippet, f.Level, prop(f, "levelReason"), tc.want)
		}
	}
	assertNoLeak(t, res, id, gh, tok)
}

// TestValueRolesAcrossPlaces: a role that says what a value is
// (ciphertext, a key fingerprint) holds when the places that show it say
// so and none says otherwise: a tip file where no rule matched the value
// (a script passing the fingerprint to gpg) says nothing either way, and
// a diff that changed only the value's line is judged in the whole file
// as that commit left it. The same value also given
// plainly elsewhere stays at its level.
func TestValueRolesAcrossPlaces(t *testing.T) {
	r := newRepo(t)
	fp := strings.ToUpper(testkeys.Hex(820, 40))
	tokA, tokB := testkeys.Generic(821)+"K4", testkeys.Generic(822)+"M5"
	renovate := func(tok string) string {
		return "{\n  \"hostRules\": [\n    {\n      \"matchHost\": \"github.com\",\n      \"encrypted\": {\n        \"token\": \"" + tok + "\"\n      }\n    }\n  ]\n}\n"
	}
	r.write("renovate.json", renovate(tokA))
	r.write(".github/workflows/release.yml", "jobs:\n  sign:\n    env:\n      RELEASE_GPG_KEY: "+fp+"\n")
	r.write("scripts/sign.sh", "gpg --default-key "+fp+" --detach-sign dist/app\n")
	r.commit("release signing")
	plainA, plainB := testkeys.Generic(824)+"P2", testkeys.Generic(825)+"N3"
	service := func(tok string) string {
		return "service:\n  name: billing\n  region: eu\n  replicas: 3\n  timeout: 30s\n  retries: 5\n  owner: team\n  tier: gold\n  auth:\n    api_token: " + tok + "\n"
	}
	r.write("deploy/service.yaml", service(plainA))
	r.commit("service")
	r.write("renovate.json", renovate(tokB)) // a diff of the token's line alone
	r.write("deploy/service.yaml", service(plainB))
	r.commit("rotate renovate token")
	r.git("rm", "-q", "renovate.json")
	r.commit("drop renovate")
	// The same kind of value given plainly: stays.
	plainFP := strings.ToUpper(testkeys.Hex(823, 40))
	r.write("deploy/app.yaml", "app:\n  GPG_SIGNING_KEY: "+plainFP+"\n  api_token: "+plainFP+"\n")
	r.commit("deploy")
	res := scanRepo(t, Options{Root: r.dir})
	level := func(path, redacted string) finding.Level {
		return findingAt(t, res, path, redacted[:4]).Level
	}
	if l := level(".github/workflows/release.yml", fp); l != finding.LevelNote {
		t.Errorf("GPG fingerprint (also passed to gpg in a script): %s, want note", l)
	}
	if l := level("renovate.json", tokA); l != finding.LevelNote {
		t.Errorf("encrypted Renovate token, added with its block: %s, want note", l)
	}
	if l := level("renovate.json", tokB); l != finding.LevelNote {
		t.Errorf("encrypted Renovate token rotated in place (a diff of its line alone, then deleted): %s, want note", l)
	}
	if l := level("deploy/service.yaml", plainB); l != finding.LevelWarning {
		t.Errorf("plain token rotated in place (a diff of its line alone): %s, want warning", l)
	}
	if l := level("deploy/app.yaml", plainFP); l == finding.LevelNote {
		t.Errorf("a value given as a fingerprint and as an API token: note, want its level")
	}
	assertNoLeak(t, res, fp, tokA, tokB, plainFP, plainA, plainB)
}

// TestSpecExamplesAreNotes: end to end, a key given as an example in an
// OpenAPI description is a note; the same kind of key as a setting in a
// YAML file beside it keeps its level.
func TestSpecExamplesAreNotes(t *testing.T) {
	r := newRepo(t)
	ex, exList, real := testkeys.Generic(831)+"E1", testkeys.GitHub(832), testkeys.Generic(833)+"E3"
	r.write("api/openapi.yml", "paths:\n  /token:\n    post:\n      parameters:\n        - name: api_key\n          schema:\n            type: string\n            example: otpauth://totp/app:john?issuer=app&secret="+ex+"\n      responses:\n        \"200\":\n          content:\n            application/jwt:\n              schema:\n                type: string\n                examples:\n                  - '"+exList+"'\n")
	r.write("deploy/config.yml", "server:\n  api_secret: \""+real+"\"\n")
	// A TOML descriptor's example command, and the same shape of line
	// in a multi-line string that is not an example.
	tomlEx, tomlRun := testkeys.Hex(834, 40), testkeys.Hex(835, 40)
	r.write("providers/dns/acme/acme.toml", "Name = \"Acme\"\n\nExample = '''\nACME_USERNAME=foo.bar \\\nACME_API_TOKEN="+tomlEx+" \\\nlego run --dns acme -d example.com\n'''\n\n[Configuration]\n  [Configuration.Credentials]\n    ACME_API_TOKEN = \"API token\"\n")
	r.write("providers/dns/beta/beta.toml", "Name = \"Beta\"\n\nSetup = '''\nBETA_API_TOKEN="+tomlRun+" \\\nlego run --dns beta -d example.com\n'''\n")
	r.commit("api")
	res := scanRepo(t, Options{Root: r.dir})
	for _, tc := range []struct {
		path, value string
		want        finding.Level
	}{
		{"api/openapi.yml", ex, finding.LevelNote},
		{"api/openapi.yml", exList, finding.LevelNote},
		{"deploy/config.yml", real, finding.LevelWarning},
		{"providers/dns/acme/acme.toml", tomlEx, finding.LevelNote},
		{"providers/dns/beta/beta.toml", tomlRun, finding.LevelWarning},
	} {
		assertLevel(t, res, tc.path, tc.value, tc.want)
	}
	assertNoLeak(t, res, ex, exList, real, tomlEx, tomlRun)
}

// TestDeepSpecExamples: a value deep inside an OpenAPI example, a
// list-form example whose object has many members before it, or a named
// example under components.examples, is an example; the same depth in a
// configuration block (not keyed example) keeps its level.
func TestDeepSpecExamples(t *testing.T) {
	r := newRepo(t)
	listEx, namedEx, conf := testkeys.Generic(841)+"L1", testkeys.Generic(842)+"N2", testkeys.Generic(843)+"C3"
	var members strings.Builder
	for i := range 12 {
		fmt.Fprintf(&members, "                    field_%d: value %d\n", i, i)
	}
	sameIndent := testkeys.Generic(844) + "S4"
	r.write("api/openapi.yaml", "paths:\n  /clients:\n    get:\n      responses:\n        \"200\":\n          content:\n            application/json:\n              example:\n              - api_id: a1\n                description: google client\n                secret: "+sameIndent+"\n              schema:\n                type: array\n")
	sameIndentConf := testkeys.Generic(845) + "S5"
	r.write("deploy/app.yaml", "oauth:\n  clients:\n  - id: c1\n    secret: "+sameIndentConf+"\n")
	r.write("api/swagger.yml", "paths:\n  /oauth/clients:\n    get:\n      responses:\n        \"200\":\n          content:\n            application/json:\n              example:\n                  - client_id: c1\n"+members.String()+"                    secret: "+listEx+"\n                    redirect_uri: https://httpbin.org/ip\ncomponents:\n  examples:\n    tokenList:\n      value:\n        Tokens:\n          - access_token: "+namedEx+"\n            expires: 1.518158407e+09\n")
	r.write("deploy/values.yml", "services:\n  api:\n    auth:\n      oauth:\n        clients:\n          - client_id: c1\n"+strings.ReplaceAll(members.String(), "                    ", "            ")+"            secret: "+conf+"\n")
	r.commit("api")
	res := scanRepo(t, Options{Root: r.dir})
	for _, tc := range []struct {
		path, value string
		want        finding.Level
	}{
		{"api/swagger.yml", listEx, finding.LevelNote},
		{"api/openapi.yaml", sameIndent, finding.LevelNote},
		{"deploy/app.yaml", sameIndentConf, finding.LevelWarning},
		{"api/swagger.yml", namedEx, finding.LevelNote},
		{"deploy/values.yml", conf, finding.LevelWarning},
	} {
		assertLevel(t, res, tc.path, tc.value, tc.want)
	}
	assertNoLeak(t, res, listEx, namedEx, conf, sameIndent, sameIndentConf)
}

// TestRustTestModule: a value after a #[cfg(test)] module's opening in a
// Rust file is in test code; the same value above it, in a Rust file
// without one, or in another language's file is not.
func TestRustTestModule(t *testing.T) {
	key := "-----BEGIN PRIVATE KEY-----"
	src := "fn serve() {}\n\n#[cfg(test)]\nmod tests {\n    use super::*;\n    const VALID_KEY_PEM: &str = \"" + key + "\";\n}\n"
	attr := "fn serve() {}\n#[cfg(test)]\n#[allow(dead_code)]\npub(crate) mod fixtures {\n    const K: &str = \"" + key + "\";\n}\n"
	above := "const K: &str = \"" + key + "\";\n#[cfg(test)]\nmod tests {\n}\n"
	feature := "#[cfg(feature = \"test\")]\nmod tests {\n    const K: &str = \"" + key + "\";\n}\n"
	for _, tc := range []struct {
		name, path, text string
		want             bool
	}{
		{"test module", "src/pinniped.rs", src, true},
		{"attributes between", "src/lib.rs", attr, true},
		// Near misses.
		{"above the module", "src/lib.rs", above, false},
		{"a feature, not test", "src/lib.rs", feature, false},
		{"not Rust", "src/pinniped.go", src, false},
	} {
		i := strings.Index(tc.text, key)
		if got := lineRole(tc.path, tc.text, i) == roleRustTest; got != tc.want {
			t.Errorf("%s: Rust test module = %v, want %v", tc.name, got, tc.want)
		}
	}
}
