package hardcodedcred

import (
	"encoding/base64"
	"math"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/internal/placeholder"
	"github.com/authvet/authvet/internal/testsupport"
)

// This file decides whether a string value looks like a secret. Two
// levels exist:
//
//   - plausible: the value reaches a typed credential sink
//     (oauth2.Config.ClientSecret, SetBasicAuth, a JWT signing key …).
//     The type already says "this is a credential", so any value that is
//     not a placeholder, a template, a format string or an
//     environment-variable name is reported, even a weak one such as
//     "secret": a weak hardcoded key is still a hardcoded key.
//   - looksSecret: the value only sits in storage whose name says
//     "credential" (assignment rule), in a URL's userinfo or in a query
//     string. Names are a hint, so the value itself must look like a
//     secret: long enough, several character classes, enough entropy,
//     and not a word, identifier, path, URL or hash.

// placeholderExact are whole values (lower-cased, separators removed)
// that are examples, not credentials.
var placeholderExact = map[string]bool{
	"changeme": true, "changeit": true, "replaceme": true, "example": true,
	"test": true, "testing": true, "dummy": true, "fake": true, "mock": true,
	"sample": true, "placeholder": true, "redacted": true, "todo": true,
	"tbd": true, "fixme": true, "none": true, "null": true, "nil": true,
	"undefined": true, "na": true, "foo": true, "bar": true, "foobar": true,
	"baz": true, "demo": true, "default": true, "empty": true, "hidden": true,
	"masked": true, "notset": true, "unset": true, "unknown": true,
	"xxx": true, "abc": true, "abc123": true, "secretvalue": true,
	// Flags: a header named X-Renew-Token set to "true" says something
	// about a token and holds none.
	"true": true, "false": true, "yes": true, "no": true, "on": true,
	"off": true, "enabled": true, "disabled": true, "required": true,
	"optional": true,
	// Words that say there is no password: a service's anonymous
	// login takes them (an SSH relay's free tier, ssh.Password("nopass");
	// anonymous FTP).
	"nopass": true, "nopassword": true, "nopasswd": true, "anonymous": true,
}

// placeholderWords, found as a whole word of a value ("sk_test_…",
// "my-dummy-token", "fake_key_123"), mark it as an example. Words are the
// letter runs of the value, lower-cased.
var placeholderWords = map[string]bool{
	"example": true, "examples": true, "test": true, "testing": true,
	"dummy": true, "fake": true, "mock": true, "sample": true,
	"placeholder": true, "redacted": true, "changeme": true, "replace": true,
	"your": true, "insert": true, "todo": true, "fixme": true, "demo": true,
	"invalid": true, "bogus": true, "notreal": true, "fixture": true,
	"masked": true,
}

// placeholderSubstrings, anywhere in the lower-cased value, mark it as an
// example: AWS's documented AKIAIOSFODNN7EXAMPLE, "YOUR_API_KEY",
// "xxxx-xxxx", "****", a mask such as "*** Masked Auth Secret ***"
// (argo-events' webhook, which sets it in place of the real header).
var placeholderSubstrings = []string{
	"example", "placeholder", "changeme", "change_me", "change-me",
	"replace_me", "replace-me", "your_", "your-", "yourapi", "yourkey",
	"yoursecret", "yourtoken", "yourpass", "xxxx", "***", "....", "<",
	">", "redacted", "dummy", "insert_", "insert-", "…",
}

// templateRe matches values that are filled in at run time rather than
// holding a secret: ${VAR}, $VAR, {{ .Token }}, %s / %v / %[1]s format
// verbs, {name} and :name path parameters, $(cmd).
var templateRe = regexp.MustCompile(`\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|%[-+# 0]*[0-9]*(\.[0-9]+)?(\[[0-9]+\])?[svdqxXTfgt]|^\$[A-Z_][A-Z0-9_]*$|\{[A-Za-z_][A-Za-z0-9_.-]*\}`)

// bracketWordRe matches words of letters in parentheses or square
// brackets ("(random)", "[not set]"), and a lower-case word after a
// dollar sign, a directive ("$generate": nuclio loads the real key from
// the environment when the password says so).
var bracketWordRe = regexp.MustCompile(`^(\([A-Za-z][A-Za-z _-]*\)|\[[A-Za-z][A-Za-z _-]*\]|\$[a-z][a-z_-]*)$`)

// envNameRe matches environment-variable style names (API_TOKEN,
// GITHUB_TOKEN, PASSWORD): a name of a secret, not a secret.
var envNameRe = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`)

// cryptHashRe matches password hashes in crypt(3) / PHC form (bcrypt
// $2a$/$2b$/$2y$, sha512-crypt $6$, argon2 $argon2id$, scrypt). Such a
// value is a verifier: it lets a program check a password without knowing
// it. It is not the credential itself, so it is not reported (a weak
// password behind it is a different problem).
var cryptHashRe = regexp.MustCompile(`^\$(2[abxy]?|[156]|argon2(id|i|d)|scrypt|pbkdf2[-a-z0-9]*)\$`)

// placeholders holds the extra patterns from the -placeholders flag.
var placeholders regexpList

// isPlaceholder reports whether v is an example or stand-in value rather
// than a credential. It is the filter shared by every rule.
func isPlaceholder(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return true
	}
	lv := strings.ToLower(v)
	if placeholderExact[squash(lv)] {
		return true
	}
	for _, s := range placeholderSubstrings {
		if strings.Contains(lv, s) {
			return true
		}
	}
	for _, w := range letterRuns(lv) {
		if placeholderWords[w] {
			return true
		}
	}
	if standIn(v) || negatedSwitch(v) {
		return true
	}
	if templateRe.MatchString(v) {
		return true
	}
	// A word in brackets is a marker the program looks for, not a
	// value anyone types: "(random)" asks for a generated password, as
	// "<token>" stands for one; "[none]", "(auto)".
	if bracketWordRe.MatchString(v) {
		return true
	}
	// Masks and fillers: a value made of at most two distinct characters
	// ("aaaaaaaa", "********", "0000-0000") carries no secret.
	if distinct(v) <= 2 {
		return true
	}
	// A long value mostly of counting runs
	// ("0123456789abcdef0123456789abcdef"), as the secret scanner's
	// triage judges it; a short one ("12345678") is a weak key or
	// password someone may really use.
	if len(v) >= 16 && placeholder.Sequential(v) {
		return true
	}
	// Keyboard and counting sequences.
	for _, seq := range []string{"123456789", "abcdefgh", "qwertyui"} {
		if strings.Contains(lv, seq) && len(lv) <= len(seq)+4 {
			return true
		}
	}
	return placeholders.match(v)
}

// plausible reports whether v, having reached a typed credential sink,
// should be reported: anything that is not a placeholder, not the name of
// an environment variable and at least 3 characters long (shorter values
// are test stubs: "x", "pw").
func plausible(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) < 3 || isPlaceholder(v) {
		return false
	}
	if envNameRe.MatchString(v) && strings.Contains(v, "_") {
		return false
	}
	if regexRe.MatchString(v) {
		return false
	}
	if publicClientKey(v) {
		return false
	}
	return true
}

// publicClientKeys are prefixes of keys their providers publish for use
// in browsers and mobile apps (the secret scanner's list of the same
// name, scanners/secrets/triage.go, which analyzers cannot import):
// they identify a project and grant nothing secret. The secret keys of
// the same providers (Stripe's sk_/rk_, PostHog's personal phx_) have
// other prefixes and stay reported.
var publicClientKeys = []string{"phc_", "pk_live_", "pk_test_"}

// publicClientKey reports whether v is a public client key.
func publicClientKey(v string) bool {
	for _, p := range publicClientKeys {
		if strings.HasPrefix(v, p) && len(v) > len(p) {
			return true
		}
	}
	return false
}

var kvRe = regexp.MustCompile(`(^|[^A-Za-z0-9])[a-z]{2,}=[A-Za-z0-9]`)

// fakeWords, as a word of the name a value is stored under, say the value
// is test data: InvalidSignatureToken, fakeAPIKey, exampleSecret.
var fakeWords = map[string]bool{
	"test": true, "testing": true, "fake": true, "mock": true, "dummy": true,
	"example": true, "sample": true, "invalid": true, "expired": true,
	"bogus": true, "placeholder": true, "stub": true, "fixture": true,
	"redacted": true, "masked": true, "demo": true,
}

// fakeName reports whether a name says its value is test or example data.
func fakeName(name string) bool {
	for _, w := range credname.Words(name) {
		if fakeWords[w] {
			return true
		}
	}
	return false
}

// testSupport reports whether an import path is a test-support package
// by authvet's one definition (internal/testsupport): testdata,
// testutil, mocks, fakes, conformance suites, httptest-style "…test"
// packages. Their credentials are fake by design.
func testSupport(path string) bool {
	return testsupport.Package(path)
}

// regexRe matches regular expressions (patterns that describe secrets,
// validators, routes): character classes with ranges, escapes such as
// \d and \w, counted repetitions, flags and anchors around wildcards.
var regexRe = regexp.MustCompile(`\[[^\]]*[A-Za-z0-9]-[A-Za-z0-9][^\]]*\]|\\[dwsbDWSB.]|[\])][{][0-9]+(,[0-9]*)?[}]|^\(\?[imsU]+\)|[.][*+]|^\^.*\$$`)

// hostPathRe matches a lower-case host name with a dot followed by one or
// more lower-case path segments: Go import paths and scheme-less URLs.
var hostPathRe = regexp.MustCompile(`^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/[a-z0-9._~-]+)+/?$`)

// minLenPassword and minLenSecret are the shortest values the assignment
// rule reports. Six characters is the shortest password policy in common
// use; API keys, tokens and signing secrets generated by providers are
// 16 characters or more, and hand-written shared secrets seldom go below
// 10, so 10 keeps "s3cr3t-v1"-style identifiers out while keeping
// "my-app-jwt-2024" in.
const (
	minLenPassword = 6
	minLenSecret   = 10
)

// minEntropy is the default Shannon entropy threshold, in bits per
// character, for non-password secrets (flag -min-entropy). Random keys
// over a base64/alphanumeric alphabet score 4–5.5 at lengths ≥ 16, hex
// keys about 3.7–4, while repetitive strings ("aaaa1111", "abab-abab")
// stay under 2.5. 3.0 keeps hand-written secrets such as
// "jwt-signing-key-2024" (≈3.5) and drops versions, dates and counters.
const defaultMinEntropy = 3.0

// looksSecret reports whether v, stored under a credential name, looks
// like a secret rather than a word, an identifier, a path, a URL or an
// example. password selects the lower length bar for passwords.
func looksSecret(v string, password bool, minEntropy float64) bool {
	v = strings.TrimSpace(v)
	if !plausible(v) {
		return false
	}
	// Secrets rarely contain white space; sentences (usage strings, error
	// messages) always do. PEM blocks are left to known-format.
	if strings.ContainsFunc(v, unicode.IsSpace) {
		return false
	}
	if envNameRe.MatchString(v) || cryptHashRe.MatchString(v) {
		return false
	}
	if strings.Contains(v, "://") || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./") ||
		strings.HasPrefix(v, "../") || strings.HasPrefix(v, "~/") {
		return false
	}
	if hasFileExt(v) || looksLikeEmail(v) {
		return false
	}
	// A URN names a format or protocol (SAML's
	// urn:oasis:names:tc:SAML:2.0:cm:bearer, OAuth's
	// urn:ietf:params:oauth:grant-type:token-exchange): an identifier
	// published in a specification, whatever the name it is kept under.
	if len(v) > 4 && strings.EqualFold(v[:4], "urn:") {
		return false
	}
	// An import path or a host followed by a path, all lower case
	// ("golang.org/x/oauth2/clientcredentials", "github.com/acme/token-svc")
	// names a package or a resource; generated secrets mix cases.
	if hostPathRe.MatchString(v) {
		return false
	}
	// Structured text: validation rules ("required,min=8",
	// "required|min:8"), key=value lists and cookie attributes. Secrets
	// seldom contain , ; | and never a word=value pair.
	if strings.ContainsAny(v, ",;|") || kvRe.MatchString(v) {
		return false
	}
	// A value made only of words (letters in one case or Capitalised,
	// joined by - _ . / : or nothing) is a name, a header, a key path or
	// a scope, not a secret: "password", "X-API-Key", "client_secret",
	// "kubernetes.io/service-account-token", "repo:read". Real secrets
	// mix digits, cases or symbols into their runs.
	if allWords(v) || keyPath(v) || extensionHeader(v) {
		return false
	}
	// An algorithm's name ("hmac-sha256", "HS256", "aes-256-gcm",
	// "rsa-oaep-sha512"): a constant naming the algorithm a signing
	// helper uses, kept under a name that says HMAC or key.
	if algorithmName(v) {
		return false
	}
	// Base64 of short printable text ("dXNlcjpwYXNz" is "user:pass") is
	// judged by the text it decodes to.
	if d, ok := decodeBase64Text(v); ok {
		if _, pw, found := strings.Cut(d, ":"); found {
			d = pw
		}
		return looksSecret(d, true, minEntropy)
	}
	n := len(v)
	if isDigitsAndPunct(v) {
		// Numbers, dates, versions, phone numbers and PINs.
		return false
	}
	if password {
		return n >= minLenPassword && classes(v) >= 2
	}
	if n < minLenSecret || classes(v) < 2 {
		return false
	}
	return entropy(v) >= minEntropy
}

// algoWords are the words of cryptographic algorithm names (hmac,
// sha, aes, gcm …); one single letter may follow a number inside a
// part (secp256k1, blake2b), besides the stems x and p (x25519, p256).
var algoWords = map[string]bool{
	"hmac": true, "sha": true, "md": true, "aes": true, "gcm": true, "cbc": true, "ctr": true,
	"cfb": true, "ofb": true, "rsa": true, "ecdsa": true, "ed": true, "hs": true,
	"rs": true, "es": true, "ps": true, "pbkdf": true, "bcrypt": true, "scrypt": true,
	"argon": true, "id": true, "chacha": true, "xchacha": true, "poly": true, "blake": true,
	"des": true, "ede": true, "ecdh": true, "secp": true, "curve": true, "pkcs": true,
	"oaep": true, "pss": true, "hkdf": true, "kdf": true, "mgf": true, "ssa": true,
	"kw": true, "eddsa": true, "sm": true, "crc": true, "siv": true, "x": true, "p": true,
}

// algorithmName reports whether v is an algorithm's name: parts joined
// by - _ or /, each a number or runs of algoWords letters and digits
// (sha256, argon2id), with at least one number (a size or variant).
func algorithmName(v string) bool {
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == '-' || r == '_' || r == '/' })
	if len(parts) == 0 || len(parts) > 5 {
		return false
	}
	numbered := false
	for _, p := range parts {
		runs := digitRuns(strings.ToLower(p))
		letters := 0
		for i, r := range runs {
			if r[0] >= '0' && r[0] <= '9' {
				numbered = true
				continue
			}
			if len(r) == 1 && i > 0 && letters == 0 {
				letters++
				continue // secp256k1, blake2b: one variant letter
			}
			if !algoWords[r] {
				return false
			}
		}
	}
	return numbered
}

// digitRuns splits s into maximal runs of digits and of other
// characters; it returns nil if s holds anything but a-z and 0-9.
func digitRuns(s string) []string {
	var runs []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && !(s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9') {
			return []string{"!"}
		}
		if i == len(s) || i > start && isDigit(s[i]) != isDigit(s[start]) {
			runs = append(runs, s[start:i])
			start = i
		}
	}
	return runs
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// squash lower-cases v and drops everything but letters and digits.
func squash(v string) string {
	var b strings.Builder
	for _, r := range v {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// letterRuns returns the maximal runs of letters in v.
func letterRuns(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) })
}

func distinct(v string) int {
	seen := map[rune]bool{}
	for _, r := range v {
		seen[r] = true
	}
	return len(seen)
}

// classes counts the character classes in v: lower, upper, digit, other.
func classes(v string) int {
	var lo, up, di, ot int
	for _, r := range v {
		switch {
		case unicode.IsLower(r):
			lo = 1
		case unicode.IsUpper(r):
			up = 1
		case unicode.IsDigit(r):
			di = 1
		default:
			ot = 1
		}
	}
	return lo + up + di + ot
}

// entropy is the Shannon entropy of v in bits per byte.
func entropy(v string) float64 {
	if v == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(v); i++ {
		counts[v[i]]++
	}
	var h float64
	n := float64(len(v))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

func isDigitsAndPunct(v string) bool {
	for _, r := range v {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// allWords reports whether every alphanumeric run of v is a word: letters
// only, in one case or Capitalised ("password", "API", "Key").
func allWords(v string) bool {
	runs := strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(runs) == 0 {
		return true
	}
	for _, w := range runs {
		if !isWord(w) {
			return false
		}
	}
	// Separators other than - _ . / : + (e.g. "!", "@", "#") are what
	// people add to passwords; a value using them is not a plain name.
	// "+" joins the words of a combined label ("publickey+password").
	for _, r := range v {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_./:+", r) {
			return false
		}
	}
	return true
}

// extensionHeader reports whether v is the name of an extension HTTP
// header: "X-" then two or more dash-joined parts, each a letter and up
// to 15 letters or digits ("X-V3io-Session-Key", "X-S3-Access-Token").
// allWords leaves out parts with digits; a header's parts are product
// names as often as words.
func extensionHeader(v string) bool {
	rest, ok := strings.CutPrefix(v, "X-")
	if !ok {
		rest, ok = strings.CutPrefix(v, "x-")
	}
	if !ok {
		return false
	}
	parts := strings.Split(rest, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if len(p) == 0 || len(p) > 16 || !unicode.IsLetter(rune(p[0])) {
			return false
		}
		for _, r := range p {
			if r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

// keyPath reports whether v is a dotted lower-case key path such as a
// message-catalogue or configuration key ("oauth2.no_refresh_token",
// "auth.sha1.client_secret"): at least three runs joined by "." (and
// "_" or "-" within a part), each run lower-case letters, at least one
// of them a protocol name ending in one digit ("oauth2", "sha1") since
// words-only paths are allWords already. Secrets mix cases or digits
// into their runs; a path of lower-case words names where a value
// lives, not the value.
func keyPath(v string) bool {
	if !strings.Contains(v, ".") {
		return false
	}
	runs := versionRuns(v)
	return len(runs) >= 3 && versionWords(runs)
}

// isWord reports whether w is letters only, in one case or Capitalised,
// or a camelCase/PascalCase identifier made of such words
// ("clientSecret", "AccessToken").
func isWord(w string) bool {
	rs := []rune(w)
	for _, r := range rs {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	// Split at lower→upper changes; each part must be lower, UPPER or
	// Capitalised, and a part must be at least 2 letters long unless it is
	// the whole word: random mixed-case strings ("aBcDeF") break into
	// one-letter parts.
	parts := 0
	start := 0
	for i := 1; i <= len(rs); i++ {
		// A part ends at a lower→upper change ("client|Secret") and
		// before the last capital of an acronym followed by a lower-case
		// letter ("JWT|Public", "HTTP|Header").
		acronymEnd := i+1 < len(rs) && i-start >= 2 && unicode.IsUpper(rs[i-1]) && unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i+1])
		if i == len(rs) || (unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[i])) || acronymEnd {
			p := rs[start:i]
			if len(p) < 2 && len(rs) > 1 {
				return false
			}
			upperAfterFirst := false
			for _, r := range p[1:] {
				if unicode.IsUpper(r) {
					upperAfterFirst = true
				}
			}
			allUpper := strings.ToUpper(string(p)) == string(p)
			if upperAfterFirst && !allUpper {
				return false
			}
			parts++
			start = i
		}
	}
	return parts <= 4
}

// nameValue reports whether v, stored under name, is the name of a
// setting or lookup key rather than a secret: it is spelled out in the
// name itself (JWTSecretKey = "JWTSecret", OAuth2TokenKey =
// "oauth2_token"), or it is a words-only identifier without digits
// (CamelCase, snake_case, kebab-case) stored under a name ending in Key,
// Name, Field or Param, which names where a secret is looked up.
func nameValue(v, name string) bool {
	sv, sn := squash(v), squash(name)
	if len(sv) >= 3 && strings.Contains(sn, sv) {
		return true
	}
	w := credname.Words(name)
	if len(w) == 0 {
		return false
	}
	switch w[len(w)-1] {
	case "key", "name", "field", "param", "prop", "property", "setting", "option":
	default:
		return false
	}
	if strings.ContainsFunc(v, unicode.IsDigit) {
		// A protocol's name with its version ("go_oauth2_server_user"
		// under UserSessionKey): words, each at most one trailing
		// digit after three letters or more.
		return protocolWords(v)
	}
	return allWords(v)
}

// protocolWords reports whether v is lower-case words joined by _ - or
// ., each of them letters with at most one trailing digit after at
// least three letters (oauth2, sha1, http2), one of them with a digit.
func protocolWords(v string) bool {
	runs := versionRuns(v)
	return len(runs) >= 2 && versionWords(runs)
}

// versionRuns splits v at . _ and -.
func versionRuns(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune("._-", r) })
}

// versionWords reports whether every run is lower-case ASCII letters
// with at most one trailing digit after at least three letters
// ("oauth2", "sha1", "client").
func versionWords(runs []string) bool {
	for _, w := range runs {
		letters := strings.TrimRightFunc(w, unicode.IsDigit)
		if len(w)-len(letters) > 1 || len(letters) < 2 || len(w) > len(letters) && len(letters) < 3 {
			return false
		}
		for _, r := range letters {
			if !unicode.IsLower(r) || r > unicode.MaxASCII {
				return false
			}
		}
	}
	return true
}

var fileExts = []string{
	".pem", ".key", ".crt", ".cer", ".p12", ".pfx", ".json", ".yaml", ".yml",
	".toml", ".txt", ".env", ".conf", ".cfg", ".ini", ".jks", ".der", ".pub",
	".go", ".html", ".js", ".sh",
}

func hasFileExt(v string) bool {
	lv := strings.ToLower(v)
	for _, e := range fileExts {
		if strings.HasSuffix(lv, e) {
			return true
		}
	}
	return false
}

var emailRe = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`)

func looksLikeEmail(v string) bool { return emailRe.MatchString(v) }

// decodeBase64Text decodes v as standard base64 and reports whether it is
// short printable ASCII text (≤ 64 bytes, with at least one letter).
func decodeBase64Text(v string) (string, bool) {
	if len(v) < 8 || len(v)%4 != 0 {
		return "", false
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil || len(b) == 0 || len(b) > 64 {
		return "", false
	}
	letters := 0
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return "", false
		}
		if unicode.IsLetter(rune(c)) {
			letters++
		}
	}
	// Random bytes are printable with probability (95/256)^n; require
	// that most of the text is letters so random keys are not decoded.
	if letters*2 < len(b) {
		return "", false
	}
	return string(b), true
}

// urlPassword returns the password of a URL's userinfo
// ("https://user:pass@host"), if v is such a URL.
func urlPassword(v string) (user, pass string, ok bool) {
	i := strings.Index(v, "://")
	if i <= 0 || !strings.Contains(v[i:], "@") {
		return "", "", false
	}
	u, err := url.Parse(strings.TrimSpace(v))
	if err != nil || u.User == nil || u.Host == "" {
		return "", "", false
	}
	p, set := u.User.Password()
	if !set {
		return "", "", false
	}
	return u.User.Username(), p, true
}

// regexpList is a flag.Value holding a comma-separated list of regular
// expressions.
type regexpList struct {
	src []string
	res []*regexp.Regexp
}

func (l *regexpList) String() string { return strings.Join(l.src, ",") }

func (l *regexpList) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		re, err := regexp.Compile(p)
		if err != nil {
			return err
		}
		l.src = append(l.src, p)
		l.res = append(l.res, re)
	}
	return nil
}

func (l *regexpList) match(v string) bool {
	for _, re := range l.res {
		if re.MatchString(v) {
			return true
		}
	}
	return false
}

// standInWords, as a word of a value written like an identifier, say
// the value stands in for a credential a library insists on while
// authentication happens elsewhere: rclone's IBM signer hands the S3
// SDK aws.Credentials{AccessKeyID: "NoOpAccessKey", SecretAccessKey:
// "NoOpSecretKey"} because the SDK requires some, and signs with an IAM
// token itself.
var standInWords = map[string]bool{"noop": true, "nop": true, "stub": true, "unused": true}

// identifierValueRe matches a value made of letters, separated or not
// by '_' or '-': an identifier, which a generated secret (digits,
// mixed symbols) is not.
var identifierValueRe = regexp.MustCompile(`^[A-Za-z]+([_-][A-Za-z]+)*$`)

// standIn reports whether v is written like an identifier and one of its
// words (split at case changes and separators) is a stand-in marker,
// "No" followed by "Op" counting as one: NoOpSecretKey, no-op-token,
// StubPassword, UNUSED_KEY. A value with digits or symbols, or whose
// words only contain a marker (SnoopKey), is judged as before.
func standIn(v string) bool {
	if !identifierValueRe.MatchString(v) {
		return false
	}
	w := credname.Words(v)
	for i, x := range w {
		if standInWords[x] || (x == "no" && i+1 < len(w) && w[i+1] == "op") {
			return true
		}
	}
	return false
}

// negatedSwitch reports whether v is a switch turned off, "no" and one
// word joined by '-' or '_' in lower case: "no-check" (Atlassian's
// X-Atlassian-Token, which turns off its XSRF check), "no-cache",
// "no_verify". Like "off" or "false" it tells the receiver what not to
// do and is nobody's credential. A value with digits, capitals after the
// first letter, more words, or a first word that only starts with "no"
// ("nobody-knows") is judged as before.
func negatedSwitch(v string) bool {
	if !negatedSwitchRe.MatchString(v) {
		return false
	}
	w := credname.Words(v)
	return len(w) == 2 && w[0] == "no" && len(w[1]) >= 3
}

var negatedSwitchRe = regexp.MustCompile(`^[Nn]o[-_][a-z]+$`)
