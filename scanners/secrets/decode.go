package secrets

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file undoes the encodings a configuration wraps around a value
// (a Kubernetes Secret's base64 data, a value encoded twice, hex,
// URL-encoding), so that triage judges what the value says, not how it
// is spelled: "ZUhoNGVIaDRl…" is 32 x's, base64-encoded twice.

// maxLayers bounds how many encodings are undone: real configurations
// use one or two; gitleaks itself decodes up to five.
const maxLayers = 4

// layer is one decoding step: the encoding undone and the text it gave.
type layer struct {
	enc  string // "base64", "hex" or "URL-encoding"
	text string
}

// keyedValue matches a whole `name: value` or `name=value` secret (the
// kubernetes-secret-yaml rule captures a data entry with its key, and a
// YAML block scalar's indicator): the value is what decodes.
var keyedValue = regexp.MustCompile(`^\s*["']?[\w.-]+["']?\s*[:=]\s*(?:[|>][-+]?\s*)?["']?([^\s"'=][^\s"']*)["']?\s*$`)

// decodeLayers returns the texts v decodes to, outermost first, while
// each step gives printable text. A value that is not an encoding (a
// key's random bytes decode to binary) gives none.
func decodeLayers(v string) []layer {
	if m := keyedValue.FindStringSubmatch(v); m != nil {
		v = m[1]
	}
	var out []layer
	for len(out) < maxLayers {
		enc, text, ok := decodeOnce(strings.TrimSpace(v))
		if !ok {
			break
		}
		out = append(out, layer{enc, text})
		v = text
	}
	return out
}

// decodeOnce undoes one encoding of v, trying URL-encoding (only when v
// holds %XX escapes), then hex, then base64 in its four spellings. The
// result counts only if it is printable text.
func decodeOnce(v string) (enc, text string, ok bool) {
	if strings.Contains(v, "%") {
		if t, err := url.QueryUnescape(v); err == nil && t != v && printable(t) {
			return "URL-encoding", t, true
		}
	}
	if len(v) >= 2 && len(v)%2 == 0 && isHex(v) {
		if b, err := hex.DecodeString(v); err == nil && printable(string(b)) {
			return "hex", string(b), true
		}
	}
	if len(v) >= 4 && isBase64(v) {
		for _, e := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
			b, err := e.DecodeString(v)
			if err == nil && printable(string(b)) {
				return "base64", string(b), true
			}
		}
	}
	return "", "", false
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func isBase64(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_' || c == '=') {
			return false
		}
	}
	return true
}

// printable reports text a person wrote: valid UTF-8 with no control
// characters but line breaks and tabs. Random bytes (a decoded key)
// fail it almost surely; an empty text passes (a value that encodes
// nothing).
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' {
			continue
		}
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// decodedPlaceholder says why a value whose decoding is a placeholder is
// not a secret, or "" when it is not an encoding or decodes to
// real-looking text. It decodes to nothing, to a placeholder word (xxxx,
// changeme, <your-key>, REPLACE_ME), to too little variety to be a key,
// to words, or to a certificate or public key (public by design). The
// innermost text is judged first: it is what someone wrote; a
// `user:password` pair (basic auth) is judged by its password.
func decodedPlaceholder(v string) string {
	ls := decodeLayers(v)
	if len(ls) == 0 {
		return ""
	}
	encs := make([]string, len(ls))
	for i, l := range ls {
		encs[i] = l.enc
	}
	for i := len(ls) - 1; i >= 0; i-- {
		if why := plainPlaceholder(ls[i].text); why != "" {
			return "the value decodes (" + strings.Join(encs[:i+1], ", then ") + ") to " + why
		}
	}
	return ""
}

// plainPlaceholder judges a decoded text (see decodedPlaceholder).
func plainPlaceholder(text string) string {
	t := strings.TrimSpace(text)
	if user, pass, ok := strings.Cut(t, ":"); ok && user != "" && !strings.ContainsAny(t, " \n{\"") && !strings.Contains(pass, ":") {
		if why := plainPlaceholder(pass); why != "" {
			return "a user name and " + why
		}
	}
	switch {
	case t == "":
		return "nothing"
	case strings.HasPrefix(t, "-----BEGIN CERTIFICATE"), strings.HasPrefix(t, "-----BEGIN PUBLIC KEY"),
		strings.HasPrefix(t, "-----BEGIN RSA PUBLIC KEY"), strings.HasPrefix(t, "ssh-") && !strings.Contains(t, "PRIVATE"):
		return "a certificate or public key, which is public"
	case passwordHash.MatchString(t):
		return passwordHashWhy
	case placeholderWords.MatchString(placeholderText(t)):
		return "a placeholder"
	case distinct(t) < 6:
		return "text with too little variety to be a key"
	case readsAsWords(t):
		return "words, not a key"
	case secretReference.MatchString(t):
		return "a reference to a secret kept elsewhere (a secret manager's path or a template variable), not the secret"
	case emptyDockerConfig(t):
		return "a Docker registry configuration with no credential in it (empty auths, a credential helper, or references to a secret manager)"
	}
	return ""
}

// secretReference is a value that names where a secret is kept instead
// of holding it: bank-vaults' vault:secret/data/app#KEY, vals' and
// helm-secrets' ref+vault://…, External Secrets' and kustomize's
// provider references, AWS Secrets Manager and SSM ARNs, Google Secret
// Manager resource names, 1Password's op:// URIs, and a whole value that
// is a template variable (${DB_PASSWORD}, {{ .Values.password }}).
var secretReference = regexp.MustCompile(`^(?:vault:[\w./-]+(?:#[\w.-]+)?|ref\+[a-z0-9]+://\S+|arn:aws:(?:secretsmanager|ssm):\S+|projects/[\w-]+/secrets/[\w-]+(?:/versions/\w+)?|op://\S+|\$\{[A-Za-z_][A-Za-z0-9_.:-]*\}|\{\{[^}]+\}\})$`)

// dockerCredFields are the members of a Docker config's auths entry that
// hold a credential.
var dockerCredFields = map[string]bool{"auth": true, "password": true, "identitytoken": true, "registrytoken": true}

// emptyDockerConfig reports whether t is a Docker registry configuration
// (config.json, a kubernetes.io/dockerconfigjson Secret's data) whose
// registries hold no credential: entries that are empty, or that only
// name the user or a credential helper (credsStore, credHelpers keep
// the secret in the developer's keychain).
func emptyDockerConfig(t string) bool {
	var cfg struct {
		Auths map[string]map[string]any `json:"auths"`
	}
	if !strings.HasPrefix(t, "{") || json.Unmarshal([]byte(t), &cfg) != nil || cfg.Auths == nil {
		return false
	}
	for _, entry := range cfg.Auths {
		for k, v := range entry {
			if s, ok := v.(string); ok && s != "" && dockerCredFields[strings.ToLower(k)] && !secretReference.MatchString(s) && !refPair(s) {
				return false
			}
		}
	}
	return true
}

// passwordHash is a password hash in a crypt-style format: bcrypt
// ($2a$, $2b$, $2y$), Argon2, SHA-crypt ($5$, $6$), scrypt, passlib's
// and Django's PBKDF2. A service stores it to check a password; it cannot
// be presented as one (a weak password behind it can be guessed offline,
// which is why it is a note, not dropped).
var passwordHash = regexp.MustCompile(`^(?:` +
	`\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}` +
	`|\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]{16,}` +
	`|\$[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}` +
	`|\$scrypt\$[^$\s]+\$[A-Za-z0-9+/.=]+\$[A-Za-z0-9+/.=]{16,}` +
	`|\$pbkdf2(?:-sha\d+)?\$\d+\$[./A-Za-z0-9+=]+\$[./A-Za-z0-9+=]{16,}` +
	`|pbkdf2_sha\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{16,}` +
	`)$`)

const passwordHashWhy = "a password hash, which checks a password and cannot be used as one"

// refPair reports whether an auth entry's base64 user:password pair
// holds references for both (a Docker auth filled in by an injector).
func refPair(s string) bool {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return false
	}
	user, pass, ok := strings.Cut(string(b), ":")
	if !ok {
		// user and password may be references holding ':' themselves:
		// vault:secret/data/x#USER:vault:secret/data/x#PASS.
		return false
	}
	if secretReference.MatchString(user) && secretReference.MatchString(pass) {
		return true
	}
	// A reference's own ':' splits the pair early: try each split.
	t := string(b)
	for i := 0; i < len(t); i++ {
		if t[i] == ':' && secretReference.MatchString(t[:i]) && secretReference.MatchString(t[i+1:]) {
			return true
		}
	}
	return false
}
