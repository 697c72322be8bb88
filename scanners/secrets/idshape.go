package secrets

import (
	"context"
	"regexp"
	"strings"
	"unicode"

	"github.com/authvet/authvet/internal/namewords"
	"github.com/authvet/authvet/scanners/gitleaksrules"
)

// This file judges values that identify something rather than
// authenticate: a record's key in a table of records, a value named as
// an id, a URL path.

// roleRecordKey is a value in the key column of a list of records: the
// same identifier field holds a distinct value of the same shape in the
// records around it (a data dictionary's "key": "<uuid>" per entry). A
// table's key column names its rows; credentials are not kept as one
// per row under a field named id or key.
const roleRecordKey = "a record's identifier in a list of records (the same field holds a distinct value of the same shape in the records around it)"

// roleIdentifierName is a value whose name says it is an identifier:
// the name's last word is "id" (clientId, AuthClientID, app_id). An
// OAuth client id is not a secret (RFC 6749 section 2.2); the credential
// word earlier in the name (porscheAPIClientID) only qualifies it.
const roleIdentifierName = "named as an identifier (the name ends in id), which identifies and does not authenticate"

var (
	// recordIDField is a JSON or YAML line keyed by an identifier
	// field; group 1 is the field name, group 2 the value.
	recordIDField = regexp.MustCompile(`^\s*(?:-\s+)?["']?(key|id|uuid|guid|ref|identifier|\w*?(?:_id|Id|ID))["']?\s*:\s*["']?([^"'\s,]+)["']?\s*,?\s*$`)
	// idName ends the text before a value assigned to a name whose last
	// word is id (Go, JSON, YAML, env, TOML): clientId = ", AuthClientID
	// = ", "client_id": ", APP_ID=, and a bare id, quoted or not (id:,
	// "id": as a JSON record's key).
	idName = regexp.MustCompile(`(?:[a-z0-9]I[dD]|[a-z0-9]ID|[_.-][iI][dD]|^\s*(?:-\s+)?["']?[iI][dD])["']?\s*(?:[:=]|:=)\s*["'\x60]?$`)
)

// recordSiblings is how many other records must hold the field, and
// recordWindow how many lines around the value are looked at.
const (
	recordSiblings = 4
	recordWindow   = 80
)

// recordKey reports whether the value at start, on the line text[ls:le],
// is a record's identifier: the line is keyed by an identifier field,
// and at least recordSiblings other lines nearby at the same indent key
// the same field to distinct values of the value's shape.
func recordKey(text string, ls, le int) bool {
	m := recordIDField.FindStringSubmatch(text[ls:le])
	if m == nil {
		return false
	}
	field, value := m[1], m[2]
	shape := shapeOf(value)
	indent := len(text[ls:le]) - len(strings.TrimLeft(text[ls:le], " \t"))
	seen := map[string]bool{value: true}
	check := func(line string) {
		if len(line)-len(strings.TrimLeft(line, " \t")) != indent {
			return
		}
		n := recordIDField.FindStringSubmatch(line)
		if n == nil || n[1] != field || seen[n[2]] || shapeOf(n[2]) != shape {
			return
		}
		seen[n[2]] = true
	}
	// Above, then below.
	for end, i := ls, 0; end > 0 && i < recordWindow && len(seen) <= recordSiblings; i++ {
		from := strings.LastIndexByte(text[:end-1], '\n') + 1
		check(text[from : end-1])
		end = from
	}
	for from, i := le+1, 0; from < len(text) && i < recordWindow && len(seen) <= recordSiblings; i++ {
		to := strings.IndexByte(text[from:], '\n')
		if to < 0 {
			to = len(text) - from
		}
		check(text[from : from+to])
		from += to + 1
	}
	return len(seen) > recordSiblings
}

// shapeOf is a value's length and the places of its separators: values
// of one column (UUIDs, ids of one generator) share it.
func shapeOf(v string) string {
	var b strings.Builder
	for _, r := range v {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteByte('x')
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainShape is a value of no provider's own format: a UUID, or hex
// digits.
var plainShape = regexp.MustCompile(`^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]+)$`)

// nameRole is generic-api-key's judgement of a value by the name it is
// given and the records around it: only that rule's matches are judged
// so (a provider's key format under AWS_ACCESS_KEY_ID, or in a list of
// records, is still that provider's key), but for an id's name given to
// a value of no provider's format (plainShape).
func nameRole(h *gitleaksrules.Hit, text string, ls, start int) string {
	if h.Decoded {
		return ""
	}
	if !gitleaksrules.IsGeneric(h.RuleID) {
		// A provider's rule selected by its keyword whose value has
		// no format of the provider's own (a UUID, hex digits):
		// HUBSPOT_AI_AGENTS_FORM_ID = '7958…' is a form's id, though
		// hubspot-api-key takes any UUID after "hubspot".
		if plainShape.MatchString(h.Secret) && idName.MatchString(text[ls:start]) {
			return roleIdentifierName
		}
		return ""
	}
	if idName.MatchString(text[ls:start]) {
		return roleIdentifierName
	}
	if apiInWordName(text[ls:start]) {
		return roleAPIInWord
	}
	if writeKeyName(text[ls:start]) {
		return roleWriteKey
	}
	if keywordInBlob(text, start) { // kwword.go
		return roleKeywordInBlob
	}
	if _, le := lineBounds(text, start); recordKey(text, ls, le) {
		return roleRecordKey
	}
	if nextEntry(text, ls, start) {
		return roleNextEntry
	}
	return ""
}

// roleAPIInWord is a value given a name whose only sign of a credential
// is "api" inside a longer word: openapi-gen=<commit>, restapi_url=…
// The generic rule's keyword test is a substring test, so "openapi"
// passes it; the name is of an API or a tool, not of a key.
const roleAPIInWord = "named for an API or a tool (\"api\" inside a longer word such as openapi), not for a credential"

// roleWriteKey is an analytics source's write key (Segment, RudderStack,
// June): it only lets a client send events to its source and is shipped
// in browser and mobile SDKs for that, public by design.
const roleWriteKey = "an analytics source's write key, which client SDKs ship to send events: public by design, not a secret"

// writeKeyWord finds a write key's name on the line before a value:
// writeKey, write_key, WRITE_KEY, Diagnostics.writekey.
var writeKeyWord = regexp.MustCompile(`(?i)(?:^|[^a-z])write[_-]?key(?:[^a-z]|$)`)

// otherCredWord is a credential word other than key on that line: a
// write key's secret, a token beside it, is something else.
var otherCredWord = regexp.MustCompile(`(?i)secret|token|passw|private|admin|master|access[_-]?key`)

// writeKeyName reports whether the text before a value names it as a
// write key and nothing more secret.
func writeKeyName(before string) bool {
	return writeKeyWord.MatchString(before) && !otherCredWord.MatchString(before)
}

// nameBeforeValue is the name a value is assigned to at the end of the
// text before it: name=, name: , name := , name += , "name": .
var nameBeforeValue = regexp.MustCompile(`([A-Za-z][A-Za-z0-9_.-]*)["']?\s*(?::=|\+=|=>|[:=])\s*["'\x60]?$`)

// apiInWordName reports whether the name before a value holds a
// credential word only as "api" at the end or in the middle of a longer
// word (openapi, restapi, kubeapiserver): no key, token, secret, pass…
// anywhere in it, and no word that is or starts with api.
func apiInWordName(before string) bool {
	m := nameBeforeValue.FindStringSubmatch(before)
	if m == nil {
		return false
	}
	inWord := false
	for _, w := range namewords.Split(m[1]) {
		for _, cw := range credOptWords {
			if !strings.Contains(w, cw) {
				continue
			}
			if cw == "api" && !strings.HasPrefix(w, "api") {
				inWord = true
				continue
			}
			return false
		}
	}
	return inWord
}

// roleNextEntry is the start of the line after a key with an empty
// value (keystrokes= then main_width=600): the generic pattern allows
// whitespace, a newline included, between a key and its value, so it
// ran from the empty key into the next entry.
const roleNextEntry = "the next entry after a key with an empty value (the match ran from the key's line into the next one)"

// nextEntry reports whether the value at start opens its line (column
// 1) and the line before ends with an assignment that has no value
// (key=, key:, key =). An indented value (a YAML block scalar) is not
// one.
func nextEntry(text string, ls, start int) bool {
	if start != ls || ls == 0 {
		return false
	}
	prev := strings.TrimRight(text[:ls-1], " \t\r")
	if i := strings.LastIndexByte(prev, '\n'); i >= 0 {
		prev = prev[i+1:]
	}
	return strings.HasSuffix(prev, "=") || strings.HasSuffix(prev, ":")
}

// ruleRoles gives occurrence o, made from hit h of fragment f on the
// line text[ls:le], the roles that depend on the rule that matched it,
// and reports whether the match is generic-api-key's rather than its
// rule's (keywordRole).
func ruleRoles(ctx context.Context, set *gitleaksrules.Set, f *fragment, h *gitleaksrules.Hit, ls, le int, o *occurrence) (generic bool) {
	generic = keywordRole(ctx, set, f, h, ls, le, o)
	if o.role != "" && o.role != roleUnseen || f.binary {
		return generic
	}
	g := *h
	if generic {
		g.RuleID = gitleaksrules.GenericRuleID
	}
	if r := nameRole(&g, f.text, ls, h.Start); r != "" {
		o.role = r
	}
	if h.RuleID == "kubernetes-secret-yaml" && notSecretData(f.text, ls) { // k8sdoc.go
		o.role = roleNotSecretData
	}
	return generic
}

// urlPath reports a value that is a URL path, or a port and a path
// (host:8080/api/v1/vehicles matched after its colon): three segments or
// more between slashes, each a word (letters only), a number or a
// version (v2), at least two of them words of three letters or more. A
// key in base64 has slashes too, but its segments mix letters and
// digits.
func urlPath(v string) bool {
	parts := strings.Split(strings.Trim(v, "/"), "/")
	if len(parts) < 3 {
		return false
	}
	words := 0
	for _, p := range parts {
		switch {
		case p == "":
			return false
		case isLetters(p):
			if len(p) >= 3 {
				words++
			}
		case isDigits(p), len(p) > 1 && (p[0] == 'v' || p[0] == 'V') && isDigits(p[1:]):
		default:
			return false
		}
	}
	return words >= 2
}

func isLetters(s string) bool {
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return false
		}
	}
	return s != ""
}

func isDigits(s string) bool {
	for _, r := range s {
		if !('0' <= r && r <= '9') {
			return false
		}
	}
	return s != ""
}

// uuidShape is a UUID in its canonical text form; group 1 is its version
// digit, group 2 the first digit of its variant.
var uuidShape = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-([0-9a-fA-F])[0-9a-fA-F]{3}-([0-9a-fA-F])[0-9a-fA-F]{3}-[0-9a-fA-F]{12}$`)

// derivedUUID reports an RFC 4122/9562 UUID whose version says it is
// derived rather than random: 3 and 5 hash a namespace and a name (anyone
// with the name computes it), 1 and 6 are a clock and a node id. Random
// UUIDs (version 4) and the time-and-random version 7 are not judged
// here: some services issue them as API keys.
func derivedUUID(v string) bool {
	m := uuidShape.FindStringSubmatch(v)
	if m == nil || !strings.ContainsAny(m[2], "89abAB") {
		return false
	}
	return strings.ContainsAny(m[1], "1356")
}
