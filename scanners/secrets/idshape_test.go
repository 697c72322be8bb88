package secrets

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/authvet/authvet/internal/finding"
	"github.com/authvet/authvet/scanners/gitleaksrules"
	"github.com/authvet/authvet/scanners/testkeys"
)

// uuidOf shapes 32 hex digits from testkeys as a UUID of version ver
// (its variant is RFC 4122's).
func uuidOf(seed uint64, ver byte) string {
	h := []byte(testkeys.Hex(seed, 32))
	h[12], h[16] = ver, '9'
	return fmt.Sprintf("%s-%s-%s-%s-%s", h[0:8], h[8:12], h[12:16], h[16:20], h[20:32])
}

// records is a JSON list of n records keyed field, with values made by
// val.
func records(field string, n int, val func(i int) string) string {
	var b strings.Builder
	b.WriteString("{\n  \"entries\": [\n")
	for i := range n {
		fmt.Fprintf(&b, "    {\n      %q: %q,\n      \"name\": \"signal_%d\",\n      \"description\": \"a data point\"\n    },\n", field, val(i), i)
	}
	b.WriteString("  ]\n}\n")
	return b.String()
}

// TestRecordKey: a value in the identifier column of a list of records
// (five or more records, distinct values of one shape) is a record key;
// too few records, a credential field name, values of other shapes or
// repeated values are not.
func TestRecordKey(t *testing.T) {
	uuid7 := func(i int) string { return uuidOf(uint64(900+i), '7') }
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"data dictionary keys", records("key", 6, uuid7), true},
		{"id column", records("id", 5, func(i int) string { return testkeys.Generic(uint64(920 + i)) }), true},
		{"yaml list", "entries:\n" + strings.Repeat("", 0) + func() string {
			var b strings.Builder
			for i := range 5 {
				fmt.Fprintf(&b, "  - uuid: %s\n    name: n%d\n", uuid7(i), i)
			}
			return b.String()
		}(), true},
		// Near misses.
		{"four records", records("key", 4, uuid7), false},
		{"api_key column", records("api_key", 6, uuid7), false},
		{"token column", records("token", 6, uuid7), false},
		{"one value repeated", records("key", 6, func(int) string { return uuid7(0) }), false},
		{"shapes differ", records("key", 6, func(i int) string { return testkeys.Generic(uint64(930 + i))[:20+i] }), false},
	} {
		start := strings.Index(tc.text, "\": \"")
		if strings.HasPrefix(tc.name, "yaml") {
			start = strings.Index(tc.text, "uuid: ") + len("uuid: ")
		} else {
			start += 4
		}
		ls, le := lineBounds(tc.text, start)
		if got := recordKey(tc.text, ls, le); got != tc.want {
			t.Errorf("%s: recordKey = %v, want %v (line %q)", tc.name, got, tc.want, tc.text[ls:le])
		}
	}
}

// TestIdentifierName: a generic match whose name ends in id is an
// identifier; a name with id inside a word, a secret named after its
// id, and a provider's key format under an id name are not.
func TestIdentifierName(t *testing.T) {
	v := testkeys.Generic(940)
	for _, tc := range []struct {
		name, line, rule string
		want             bool
	}{
		{"Go client id", "\tAuthClientID = \"" + v + "\"", gitleaksrules.GenericRuleID, true},
		{"camel API client id", "\tporscheAPIClientID          = \"" + v + "\"", gitleaksrules.GenericRuleID, true},
		{"json client_id", "  \"client_id\": \"" + v + "\",", gitleaksrules.GenericRuleID, true},
		{"env APP_ID", "API_APP_ID=" + v, gitleaksrules.GenericRuleID, true},
		{"struct field", "\t\tClientId: \"" + v + "\",", gitleaksrules.GenericRuleID, true},
		{"json id", "      \"id\": \"" + v + "\",", gitleaksrules.GenericRuleID, true},
		{"yaml list id", "  - id: \"" + v + "\"", gitleaksrules.GenericRuleID, true},
		{"json id inside a word", "      \"paid\": \"" + v + "\",", gitleaksrules.GenericRuleID, false},
		{"json key", "      \"key\": \"" + v + "\",", gitleaksrules.GenericRuleID, false},
		// Near misses.
		{"client secret", "\tClientSecret = \"" + v + "\"", gitleaksrules.GenericRuleID, false},
		{"id inside a word", "\tapiKeyIdentity = \"" + v + "\"", gitleaksrules.GenericRuleID, false},
		{"password named valid", "\tAPI_PASSWORD_VALID=" + v, gitleaksrules.GenericRuleID, false},
		{"secret after an id", "\tclientIdSecret = \"" + v + "\"", gitleaksrules.GenericRuleID, false},
		{"provider format under an id name", "AWS_ACCESS_KEY_ID=" + testkeys.AWS(941), "aws-access-token", false},
		{"decoded", "\tAuthClientID = \"" + v + "\"", "decoded", false},
	} {
		start := strings.LastIndexAny(tc.line, "\"=") + 1
		if strings.HasSuffix(tc.line, "\",") || strings.HasSuffix(tc.line, "\"") {
			start = strings.LastIndex(tc.line[:strings.LastIndex(tc.line, "\"")], "\"") + 1
		}
		h := &gitleaksrules.Hit{RuleID: tc.rule}
		if tc.rule == "decoded" {
			h = &gitleaksrules.Hit{RuleID: gitleaksrules.GenericRuleID, Decoded: true}
		}
		if got := nameRole(h, tc.line, 0, start) == roleIdentifierName; got != tc.want {
			t.Errorf("%s: identifier name = %v, want %v (before %q)", tc.name, got, tc.want, tc.line[:start])
		}
	}
}

// TestValueShapesOfIdentifiers: URL paths and derived UUIDs are
// identifiers; base64 keys with slashes and random or version-7 UUIDs
// are not.
func TestValueShapesOfIdentifiers(t *testing.T) {
	for _, tc := range []struct {
		v    string
		path bool
	}{
		{"8080/api/v1/spa/vehicles", true},
		{"v1/api/iCAN/properties/propjIcanEnergy", true},
		{"/oauth/v2/token/refresh", true},
		{"a1B2/c3D4e5/F6g7h8", false},
		{"api/v1", false},
		{testkeys.Generic(950)[:10] + "/" + testkeys.Generic(951)[:12] + "/x9Y8", false},
		{"abc/de/f1", false},
	} {
		if got := urlPath(tc.v); got != tc.path {
			t.Errorf("urlPath(%q) = %v, want %v", tc.v, got, tc.path)
		}
	}
	for _, tc := range []struct {
		v       string
		derived bool
	}{
		{uuidOf(960, '3'), true},
		{uuidOf(961, '5'), true},
		{uuidOf(962, '1'), true},
		{uuidOf(963, '4'), false},
		{uuidOf(964, '7'), false},
		{strings.ReplaceAll(uuidOf(965, '3'), "-", ""), false},
		{uuidOf(966, '3')[:19] + "7" + uuidOf(966, '3')[20:], false}, // not RFC 4122's variant
	} {
		if got := derivedUUID(tc.v); got != tc.derived {
			t.Errorf("derivedUUID(%q) = %v, want %v", tc.v, got, tc.derived)
		}
	}
}

// TestIdentifiersAreNotes: on a real history, a data dictionary's keys,
// OAuth client ids, API paths after a host's port and name-based UUIDs
// are notes; a client secret, a column of api_key values and a random
// UUID under an app secret name stay warnings.
func TestIdentifiersAreNotes(t *testing.T) {
	r := newRepo(t)
	uuid7 := func(i int) string { return uuidOf(uint64(970+i), '7') }
	r.write("vehicle/dict/datadictionary.json", records("key", 8, uuid7))
	r.write("vehicle/keys.json", records("api_key", 8, func(i int) string { return testkeys.Generic(uint64(980 + i)) }))
	clientID, secret := testkeys.Generic(990), testkeys.Generic(991)
	r.write("vehicle/seat/params.go", "package seat\n\nconst (\n\tAuthClientID = \""+clientID+"\"\n\tClientSecret = \""+secret+"\"\n)\n")
	r.write("vehicle/kia.go", "package vehicle\n\nconst (\n\tkiaURLVehicles = \"https://prd.eu-ccapi.kia.com:8080/api/v1/spa/vehicles\"\n)\n")
	v3, v4 := uuidOf(992, '3'), uuidOf(993, '4')
	r.write("vehicle/vw/types.go", "package vw\n\nconst (\n\tKeyRangeID3 = \""+v3+"\" // range\n)\n\nvar headers = map[string]string{\n\t\"x-App-Secret\": \""+v4+"\",\n}\n")
	r.commit("vehicles")
	res := scanRepo(t, Options{Root: r.dir})
	for _, tc := range []struct {
		path, snippet string
		note          bool
	}{
		{"vehicle/dict/datadictionary.json", "\"key\"", true},
		{"vehicle/keys.json", "\"api_key\"", false},
		{"vehicle/seat/params.go", "AuthClientID", true},
		{"vehicle/seat/params.go", "ClientSecret", false},
		{"vehicle/kia.go", "kiaURLVehicles", true},
		{"vehicle/vw/types.go", "KeyRangeID3", true},
		{"vehicle/vw/types.go", "x-App-Secret", false},
	} {
		f := findingAt(t, res, tc.path, tc.snippet)
		if got := f.Level == finding.LevelNote; got != tc.note {
			t.Errorf("%s:%d (%s): level %s, want note %v: %s", f.Location.Path, f.Location.StartLine, tc.snippet, f.Level, tc.note, f.Message)
		}
	}
	notes := 0
	for _, f := range res.Findings {
		if f.Location.Path == "vehicle/dict/datadictionary.json" {
			if f.Level != finding.LevelNote {
				t.Errorf("%s:%d: %s", f.Location.Path, f.Location.StartLine, f.Level)
			}
			notes++
		}
	}
	if notes != 8 {
		t.Errorf("%d findings in the data dictionary, want 8", notes)
	}
	assertNoLeak(t, res, clientID, secret, v3, v4)
}

// TestNextEntryIsNote: a generic match that ran from a key with an empty
// value into the next line (remmina.pref's keystrokes= then
// main_width=600) is a note; a value on the key's own line, and an
// indented value on the line after its key (YAML), keep their level.
func TestNextEntryIsNote(t *testing.T) {
	r := newRepo(t)
	real, block := testkeys.Generic(970), testkeys.Generic(971)
	r.write("apps/remote/remote.pref", "[remote_pref]\nview_file_mode=0\nkeystrokes=\nmain_width=600\nmain_height=400\nshortcutkey_scale=\nshortcutkey_grab=65508\nshortcutkey_viewonly=109\n")
	r.write("deploy/app.env", "LOG_LEVEL=info\nAPI_TOKEN="+real+"\n")
	r.write("deploy/values.yaml", "auth:\n  api_token:\n   "+block+"\n")
	r.commit("settings")
	res := scanRepo(t, Options{Root: r.dir})
	notes := 0
	for _, f := range res.Findings {
		if f.Location.Path != "apps/remote/remote.pref" {
			continue
		}
		if f.Level != finding.LevelNote || !strings.Contains(f.Message, "empty value") {
			t.Errorf("remote.pref:%d: level %s, want a note naming the empty value: %s", f.Location.StartLine, f.Level, f.Message)
		}
		notes++
	}
	if notes == 0 {
		t.Error("no finding on remote.pref: the generic pattern did not run into the next line (test premise)")
	}
	if f := findingAt(t, res, "deploy/app.env", ""); f.Level == finding.LevelNote {
		t.Errorf("app.env: a value on its key's line is a note: %s", f.Message)
	}
	if f := findingAt(t, res, "deploy/values.yaml", ""); f.Level == finding.LevelNote {
		t.Errorf("values.yaml: an indented block value is a note: %s", f.Message)
	}
	assertNoLeak(t, res, real, block)
}

// TestFileNameValue: an object key or file name under a credential-like
// name (a seed upload's Key: "1587973709logo.png") is low confidence;
// random values, with or without a dot, keep theirs.
func TestFileNameValue(t *testing.T) {
	for v, low := range map[string]bool{
		"1587973709logo.png":       true,
		"158787308910.png":         true,
		"backup-2024-01-02.tar.gz": true,
		"Q9f7LmW4vT7nRbXc4vBn6mZp": false,
		"Q9f7LmW4vT7nRb.Xc4vBn6mZ": false,
		"Q9f7LmW4vT7nRbXc4v.pngx":  false,
	} {
		c, why := assessValue("generic-api-key", v, false)
		if got := c == confLow && strings.Contains(why, "file name"); got != low {
			t.Errorf("assessValue(%q) = %v (%s), want file name %v", v, c, why, low)
		}
	}
}

// TestPublicValueShapes: under a credential-like name, an age public key,
// a Kubernetes API version and kind, a release version (an image tag
// after valkey:), a public blockchain address and a JWT that lost its
// header or has expired are low confidence; a private key of the same
// chain (64 hex digits), random values that merely hold dots or follow a
// version, and a live JWT keep theirs.
func TestPublicValueShapes(t *testing.T) {
	b64 := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	header := b64(`{"alg":"HS256","typ":"JWT"}`)
	expired := b64(`{"exp":1565153148,"id":"admin"}`)
	live := b64(`{"exp":4102444800,"sub":"svc-7"}`)
	sig := "Xq3v9LmT2pRz8WcK4nB7hYd1sFa6eGu0jQ5oIiVbN2M"
	for v, low := range map[string]bool{
		"9.1.0-alpine3.22": true,
		"v2.3.1":           true,
		"1.24.2+build.5":   true,
		"0x72aB3f9C01d4E5b6A7c8D9e0F1a2B3c4D5e6F7a8":                         true,
		"." + expired + ".fDx9Qr2mLz":                                        true,
		header + "." + expired + "." + sig:                                   true,
		header + "." + live + "." + sig:                                      false,
		"0x72aB3f9C01d4E5b6A7c8D9e0F1a2B3c4D5e6F7a872aB3f9C01d4E5b6A7c8D9e0": false,
		"Q9f7LmW4vT7nRb.Xc4vBn6mZ":                                           false,
		"age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw":     true, // an age recipient (sops's test identity's public half)
		"v1/PersistentVolumeClaim":                                           true, // a Kubernetes API version and kind (velero)
		"networking.k8s.io/v1beta1/Ingress":                                  true,
		"v1/Pq7XmZ2kR9vT4wL8nB3cYd6":                                         false, // a random tail after a version
		"k7/PersistentVolumeClaim9xQ2mZ7vT4wL8nB3":                           false,
		"age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpsz":       false, // two characters short
		"age1Yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw":     false, // upper case: no Bech32
		"age1bt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw":     false, // b is not in Bech32's alphabet
		"9Xk2pQ7rT4mN8.zL5wV3cB6hJ":                                          false,
	} {
		c, why := assessValue("generic-api-key", v, false)
		if got := c == confLow; got != low {
			t.Errorf("assessValue(%.12q…) = %v (%s), want low %v", v, c, why, low)
		}
	}
}

// TestAPIInWordName: a generic match whose name holds "api" only inside
// a longer word (openapi-gen=, restapi_url:) is named for an API or a
// tool; a name with a credential word beside it, or that is or starts
// with api, is not.
func TestAPIInWordName(t *testing.T) {
	sha := "f0e62f92d13f418e2732b21c952fd17cab771c75"
	for _, tc := range []struct {
		name, line string
		want       bool
	}{
		{"Makefile tool pin", "tools += openapi-gen=" + sha, true},
		{"yaml restapi", "restapi_version: " + sha, true},
		{"camel case", "openapiGenRev := \"" + sha + "\"", true},
		// Near misses.
		{"api key", "openapi_key=" + sha, false},
		{"api token", "API_TOKEN=" + sha, false},
		{"api word", "api=" + sha, false},
		{"apikey word", "apikey=" + sha, false},
		{"restapi secret", "restapi-secret: " + sha, false},
		{"no api at all", "gen=" + sha, false},
	} {
		start := strings.Index(tc.line, sha)
		if strings.Contains(tc.line, "\"") {
			start = strings.Index(tc.line, "\"") + 1
		}
		h := &gitleaksrules.Hit{RuleID: gitleaksrules.GenericRuleID}
		if got := nameRole(h, tc.line, 0, start) == roleAPIInWord; got != tc.want {
			t.Errorf("%s: api in word = %v, want %v (before %q)", tc.name, got, tc.want, tc.line[:start])
		}
	}
}

// TestWriteKeyName: an analytics write key (JSON, a config lookup, a
// setter given its name) is public by design; a name that also says
// secret, token or admin is not one.
func TestWriteKeyName(t *testing.T) {
	v := testkeys.Generic(951)
	for _, tc := range []struct {
		name, line string
		want       bool
	}{
		{"json", `    "writeKey": "` + v + `",`, true},
		{"config default", `	writekey = config.GetStringVar("` + v + `", "Diagnostics.writekey")`, true},
		{"setter", `	value, _ = sjson.Set(value, "writeKey", "` + v + `")`, true},
		{"env", `SEGMENT_WRITE_KEY=` + v, true},
		// Near misses.
		{"write key secret", `WRITE_KEY_SECRET=` + v, false},
		{"admin write key", `adminWriteKey: "` + v + `"`, false},
		{"rewrite key", `rewriteKey = "` + v + `"`, false},
		{"api key", `apiKey = "` + v + `"`, false},
	} {
		start := strings.Index(tc.line, v)
		h := &gitleaksrules.Hit{RuleID: gitleaksrules.GenericRuleID}
		if got := nameRole(h, tc.line, 0, start) == roleWriteKey; got != tc.want {
			t.Errorf("%s: write key = %v, want %v (before %q)", tc.name, got, tc.want, tc.line[:start])
		}
	}
}

// TestWriteKeyMovedAtTip: a write key that a commit added under a
// generic match and that the tip holds in a line no rule matches
// (writekey = config.GetStringVar("…", "Diagnostics.writekey"), rudder-
// server's telemetry key) is judged by the name it has at the tip, a
// note; a token moved the same way keeps its level.
func TestWriteKeyMovedAtTip(t *testing.T) {
	r := newRepo(t)
	wk, tok := testkeys.Generic(1001), testkeys.Generic(1002)
	r.write("diag/diag.go", "package diag\n\nfunc load() {\n\twritekey = config.GetString(\"Diagnostics.writekey\", \""+wk+"\")\n\tauthtoken = config.GetString(\"Diagnostics.authtoken\", \""+tok+"\")\n}\n")
	r.commit("telemetry")
	r.write("diag/diag.go", "package diag\n\nfunc load() {\n\twritekey = config.GetStringVar(\""+wk+"\", \"Diagnostics.writekey\")\n\tauthtoken = config.GetStringVar(\""+tok+"\", \"Diagnostics.authtoken\")\n}\n")
	r.commit("config vars")
	res := scanRepo(t, Options{Root: r.dir})
	assertLevel(t, res, "diag/diag.go", wk, finding.LevelNote)
	assertLevel(t, res, "diag/diag.go", tok, finding.LevelWarning)
	assertNoLeak(t, res, wk, tok)
}

// TestProviderRuleIDName: a provider's rule that matched a value of no
// format of the provider's own (a UUID, hex) under an id's name
// (HUBSPOT_AI_AGENTS_FORM_ID) matched an identifier; the same value
// under a key's name, and a value in the provider's own format under an
// id's name, are still the provider's key.
func TestProviderRuleIDName(t *testing.T) {
	const uuid = "7b3e9f12-4c8a-4d1e-9a6b-2f5c8e1d3a70"
	for _, tc := range []struct {
		rule, line, value string
		want              bool
	}{
		{"hubspot-api-key", "export const HUBSPOT_AI_AGENTS_FORM_ID = '", uuid, true},
		{"hubspot-api-key", "hubspot_portal_id: ", "a3f9c2e17b5d4e08", true},
		{"hubspot-api-key", "export const HUBSPOT_API_KEY = '", uuid, false},
		{"github-pat", "GITHUB_APP_ID=", "ghp_" + testkeys.Generic(990)[:32] + "abcd", false},
	} {
		text := tc.line + tc.value + "'\n"
		h := gitleaksrules.Hit{RuleID: tc.rule, Secret: tc.value, Start: len(tc.line), End: len(tc.line) + len(tc.value)}
		if got := nameRole(&h, text, 0, h.Start) == roleIdentifierName; got != tc.want {
			t.Errorf("%s %q: identifier = %v, want %v", tc.rule, tc.line, got, tc.want)
		}
	}
}
