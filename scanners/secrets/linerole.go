package secrets

import (
	"path"
	"regexp"
	"strings"
)

// This file judges a secret by the text around it, where its path says
// nothing: a credential-looking value in a command's help text (a usage
// string, an Example: block, a flag's description) is an example for a
// reader to replace, not a credential the program uses.

// Roles an occurrence's line can have.
const (
	roleHelp = "a command-line example in help text"
	roleFlag = "an example in a flag's description"
	// roleCiphertext is a value under a key named encrypted (Renovate's
	// "encrypted": {…} host rules, a Bitnami SealedSecret's
	// encryptedData:): ciphertext that only the service holding the
	// private key can read, made to be committed.
	roleCiphertext = "ciphertext under an encrypted key, made to be committed"
)

// roleProseExample is a value the prose of its own line shows as an
// example of a format ("a session token has a format of `…`"), as
// OpenAPI generators copy a field's description next to the sample
// value they put in generated client docs.
const roleProseExample = "a value its line's text shows as an example of a format"

// formatMarker ends the text before a value the prose presents as an
// example or a format.
// The value may follow its own name inside the example ("**Example:**
// `apiKey: …`", the security schemes of MongoDB's published Data API
// spec, which FerretDB copied). A bare "Example:" counts only before
// markdown code (a backtick), where markdown emphasis may close it: a
// Go or YAML key named example holds a value of its own.
var formatMarker = regexp.MustCompile(`(?i)\b(?:(?:has|have|in) (?:a|the) format (?:of|like)|format(?: is)?:|for example[,:]?|e\.g\.,?|such as|looks like)\s*[\x60"'(]?\s*(?:[a-z][\w.-]{0,40}\s*[:=]\s*[\x60"']?\s*)?$|\bexample:(?:\*\*|__|\*|_)?\s*\x60\s*(?:[a-z][\w.-]{0,40}\s*[:=]\s*)?$`)

// markerWindow is how much text before a value proseExample looks at
// for a marker: the longest marker with its quote and a run of spaces.
const markerWindow = 128

// proseExample reports whether the value at start appears on its line
// right after a format or example marker: there, or again later on the
// same line (the sample beside its description).
func proseExample(text string, ls, le, start int) bool {
	end := start
	for end < len(text) && !strings.ContainsRune(" \t\n\"'`,;)", rune(text[end])) {
		end++
	}
	v := text[start:end]
	if len(v) < 8 || end > le {
		return false
	}
	line := text[ls:le]
	for off := 0; off < len(line); {
		i := strings.Index(line[off:], v)
		if i < 0 {
			return false
		}
		i += off
		// The marker ends right before the value: only the text just
		// before it is looked at. Matching the whole line before each
		// occurrence cost O(line) per occurrence, O(line²) for a value
		// repeated along a minified bundle's one line (2.2 s for one
		// hit on a 64 KiB line, 137 s on 512 KiB).
		if formatMarker.MatchString(line[max(0, i-markerWindow):i]) {
			return true
		}
		off = i + len(v)
	}
	return false
}

// roleSpecExample is a value an API or schema description gives as an
// example (OpenAPI's and JSON Schema's example:, examples:, x-example):
// sample data for a reader, in a YAML or JSON file.
const roleSpecExample = "an example value in an API or schema description"

var (
	// specExampleKey starts a line whose key is an example keyword.
	specExampleKey = regexp.MustCompile(`(?i)^\s*(?:-\s*)?["']?(?:x-)?examples?["']?\s*:`)
	// goTagExample ends the text before a value given as the example
	// option of a Go struct tag, the documentation of a configuration
	// or API field (conf:",example=…", jsonschema:"example=…",
	// swaggo's example:"…", also a value inside it, as in
	// example:"targetingKey:…,firstname:John"); a default (default=…)
	// is used, and is not one.
	goTagExample = regexp.MustCompile("`[^`]*(?:[,\"\\s;]examples?=[^,\"`]*|(?:^|\\s|`)examples?:\"[^\"`]*)$")
	// jsonMember is the text before a string value of a JSON member
	// ("targetingKey": ").
	jsonMember = regexp.MustCompile(`^\s*"[^"]+"\s*:\s*"$`)
	// specExamplesBlock is a line opening an examples block.
	specExamplesBlock = regexp.MustCompile(`(?i)^\s*(?:-\s*)?["']?(?:x-)?examples?["']?\s*:\s*[\[{]?\s*$`)
)

// tomlExampleKey starts a TOML line whose key is an example keyword,
// with its value on the line (example = "…"); tomlExampleOpen is the
// text before a triple quote that opens an example's multi-line string
// (Example = ”' … ”').
var (
	tomlExampleKey  = regexp.MustCompile(`(?i)^\s*["']?examples?["']?\s*=`)
	tomlExampleOpen = regexp.MustCompile(`(?i)^\s*["']?examples?["']?\s*=\s*$`)
)

// tomlExample reports whether the value at start, on the line starting
// at ls, is a TOML example: on a line keyed example (or examples), or
// inside a multi-line string that such a key opens (a descriptor's
// Example = ”' with a command line to copy, from which docs are
// generated).
func tomlExample(text string, ls, start int) bool {
	if tomlExampleKey.MatchString(text[ls:start]) {
		return true
	}
	// The nearest triple quote above the line: the string's opening when
	// the line is inside one.
	q := max(strings.LastIndex(text[:ls], "'''"), strings.LastIndex(text[:ls], `"""`))
	if q < 0 {
		return false
	}
	qs, _ := lineBounds(text, q)
	return tomlExampleOpen.MatchString(text[qs:q])
}

// yamlScalarOpen is a YAML line that opens a block scalar (key: |,
// key: >-, - |): group 1 is its indentation, group 2 a list item's
// dash, group 3 the key.
var yamlScalarOpen = regexp.MustCompile(`^([ \t]*)(-[ \t]+)?(?:["']?([\w.$-]+)["']?[ \t]*:[ \t]*)?[|>][-+0-9]*[ \t]*(?:#.*)?$`)

// yamlExampleList is a YAML line keyed example or examples that opens a
// block (a list of examples).
var yamlExampleList = regexp.MustCompile(`(?i)^[ \t]*(?:-[ \t]+)?["']?(?:x-)?examples?["']?[ \t]*:[ \t]*(?:#.*)?$`)

// yamlScanLines is how far above its line yamlScalarExample looks for
// the block scalar holding a value: a long example is still one.
const yamlScanLines = 400

// yamlScalarExample reports whether the line starting at ls is inside a
// YAML block scalar keyed example or examples (example: | with a
// command line to copy, an OpenAPI description's multi-line sample),
// or one that is an item of a list keyed so (examples: - |). The
// scalar's own lines may be indented any way (a command continued on
// the next line), so every line less indented than the value is passed
// over until a block scalar's opening line holds it.
func yamlScalarExample(text string, ls int) bool {
	want := indentAt(text, ls)
	if want == 0 {
		return false
	}
	listItem := -1 // the dash column of a "- |" item holding the value
	at := ls
	for i := 0; i < yamlScanLines && at > 0; i++ {
		from := strings.LastIndexByte(text[:at-1], '\n') + 1
		l := strings.TrimRight(text[from:at-1], "\r")
		at = from
		if strings.TrimSpace(l) == "" {
			continue
		}
		in := indentOf(l)
		if listItem >= 0 {
			// The list the item is in: its key is the line above
			// the items, at their dash's column or less.
			if in > listItem || in == listItem && strings.HasPrefix(strings.TrimSpace(l), "-") {
				continue
			}
			return yamlExampleList.MatchString(l)
		}
		if in >= want {
			continue
		}
		if m := yamlScalarOpen.FindStringSubmatch(l); m != nil && (m[2] != "" || m[3] != "") {
			col := len(m[1])
			if m[3] != "" {
				col += len(m[2]) // a key in a list item: its column
			}
			if col < want {
				if m[3] == "" {
					listItem = col // "- |": judged by its list's key
					continue
				}
				switch strings.ToLower(m[3]) {
				case "example", "examples", "x-example", "x-examples":
					return true
				}
				return false
			}
		}
		want = in
		if want == 0 {
			return false
		}
	}
	return false
}

// roleDocExample is a value in a fenced code block that an example
// heading introduces ("Example:", "## Examples", "For example:"), in
// documentation kept in any file: the markdown of a TOML descriptor's
// multi-line string (lego's sonic.toml, whose Additional string holds
// "Example:" and a bash code block with the provider's sample API key;
// its docs are generated from it, and nginx-ui copied it beside
// siblings whose Example strings were already examples), a Go raw
// string, a YAML description. A heading that is not an example
// ("Configuration:"), and a value after the block's closing fence, are
// not.
const roleDocExample = "a value in a code block under an example heading"

var (
	// codeFence is a line opening or closing a fenced code block,
	// also in a comment.
	codeFence = regexp.MustCompile("^[ \t]*(?:(?://+|#|\\*)[ \t]*)?(?:```|~~~)")
	// exampleHeading is a line that introduces an example: Example:,
	// Examples, ## Example usage, **Example:**, For example:, e.g.:
	// (also in a comment).
	exampleHeading = regexp.MustCompile(`(?i)^[ \t]*(?://+[ \t]*|#{1,6}[ \t]*|\*[ \t]+)?(?:\*\*|__)?(?:(?:for[ \t]+)?(?:an?[ \t]+)?examples?(?:[ \t]+(?:usage|request|response|output|commands?|call))?|e\.g\.)[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*$`)
)

// fenceLines is how far above a value fencedExample looks for the fence
// opening its code block, and headingLines how far above the fence for
// the heading (past blank lines).
const (
	fenceLines   = 60
	headingLines = 3
)

// fencedExample reports whether the line starting at ls is in a fenced
// code block whose opening fence an example heading introduces: the
// nearest fence above the line (no closing fence in between) has such a
// heading as the nearest text above it.
func fencedExample(text string, ls int) bool {
	prevLine := func(at int) (int, string) {
		from := strings.LastIndexByte(text[:at-1], '\n') + 1
		return from, strings.TrimRight(text[from:at-1], "\r")
	}
	at := ls
	for i := 0; i < fenceLines && at > 0; i++ {
		var l string
		at, l = prevLine(at)
		if !codeFence.MatchString(l) {
			continue
		}
		for j := 0; j < headingLines && at > 0; j++ {
			var h string
			at, h = prevLine(at)
			if strings.Trim(h, " \t/#*") == "" {
				continue // a blank line, also in a comment
			}
			return exampleHeading.MatchString(h)
		}
		return false
	}
	return false
}

// commentLine is a line that is a comment in a configuration file or a
// script: # (YAML, TOML, INI, shell), ; (INI) or // (also in code).
var commentLine = regexp.MustCompile(`^[ \t]*(?:#|;|//)`)

// commentedExample reports whether the line starting at ls is a comment
// in a run of comment lines that an example heading opens (a sample
// configuration's "# Example:" followed by a commented block, ntfy's
// client.yml): the text shows what a setting may look like, and the
// program never reads it. The run is walked up to fenceLines lines,
// and ends at the first line that is not a comment.
func commentedExample(text string, ls int) bool {
	le := strings.IndexByte(text[ls:], '\n')
	if le < 0 {
		le = len(text) - ls
	}
	if !commentLine.MatchString(text[ls : ls+le]) {
		return false
	}
	at := ls
	for i := 0; i < fenceLines && at > 0; i++ {
		from := strings.LastIndexByte(text[:at-1], '\n') + 1
		l := strings.TrimRight(text[from:at-1], "\r")
		at = from
		if !commentLine.MatchString(l) {
			return false
		}
		if exampleHeading.MatchString(l) {
			return true
		}
	}
	return false
}

// rolePlaceholderComment is a value a comment beside it calls a
// placeholder (categraf's sample logs.toml: "## just a placeholder"
// above api_key = "…"): its author says it is no one's key.
const rolePlaceholderComment = "a value a comment beside it calls a placeholder"

// placeholderSays matches a comment that calls the value a placeholder,
// a dummy or fake one, or not a real one. "Replace" or "change me" is
// not enough: a real default meant to be changed is still a default.
var placeholderSays = regexp.MustCompile(`(?i)\b(?:placeholders?|dummy|fake|not\s+a\s+real|not\s+real|sample\s+value|example\s+value)\b`)

// testLabel ends a comment's text that labels the value after it as a
// test, dummy, example or fake key, token, secret or password.
var testLabel = regexp.MustCompile(`(?i)\b(?:test|testing|dummy|example|sample|fake)[ _-](?:api[ _-])?(?:key|token|secret|password)\s*[:=]\s*["'\x60]?$`)

// placeholderComment reports whether the comment that ends the value's
// line (after the value), or the comment line just above it, calls the
// value a placeholder, or the value sits in a comment that labels it a
// test key. at is the value's offset in line.
func placeholderComment(line string, at int, text string, ls int) bool {
	if at >= 0 && at <= len(line) && commentLine.MatchString(line) && testLabel.MatchString(line[:at]) {
		// A comment that labels the value it holds a test or dummy
		// key ("// Test key: 53ac…", a developer's note).
		return true
	}
	return commentSays(placeholderSays.MatchString, line, at, text, ls)
}

// commentSays reports whether the comment that ends the value's line
// (after the value), or the comment line just above it, matches says.
// at is the value's offset in line.
func commentSays(says func(string) bool, line string, at int, text string, ls int) bool {
	if at >= 0 && at <= len(line) {
		rest := line[at:]
		for _, mark := range []string{" #", " //", "\t#", "\t//"} {
			if i := strings.Index(rest, mark); i >= 0 && says(rest[i:]) {
				return true
			}
		}
	}
	if ls == 0 {
		return false
	}
	from := strings.LastIndexByte(text[:ls-1], '\n') + 1
	prev := strings.TrimRight(text[from:ls-1], "\r")
	return commentLine.MatchString(prev) && says(prev)
}

// rolePublicComment is a value a comment beside it calls public by
// design: a push-only token, one "safe to be exposed" (FOSSA's push-only
// API tokens, which its CI integrations publish in workflow files and
// which can only upload scan results), a "public key" (Builder.io's
// API key for its browser SDK, "public key for OSS" in Redpanda
// Console's front end). The repository's own statement,
// shown as a note: the reader can still disagree.
const rolePublicComment = "a value a comment beside it calls safe to publish (push-only, safe to expose)"

// publicSays matches a comment that calls the value public by design.
// "Read-only" is not enough: a read-only token still reads what it
// guards.
var publicSays = regexp.MustCompile(`(?i)\b(?:push[- ]only|upload[- ]only|(?:safe|ok|okay|fine)\s+to\s+(?:be\s+)?(?:exposed?|public|published?|shared?|committed?|commit)|public\s+by\s+design|(?:intentionally|deliberately)\s+public)\b`)

// notBefore matches a negation just before a phrase ("not safe to
// share", "never safe to commit").
var notBefore = regexp.MustCompile(`(?i)\b(?:not|never|isn't)\s+$`)

// saysPublic reports whether comment calls the value public by design,
// not negated.
func saysPublic(comment string) bool {
	for _, m := range publicSays.FindAllStringIndex(comment, -1) {
		if !notBefore.MatchString(comment[:m[0]]) {
			return true
		}
	}
	return false
}

// lineWithoutValue is line without the value at offset at (its run of
// value characters): the words around a value, not the value's own
// letters.
func lineWithoutValue(line string, at int) string {
	if at < 0 || at > len(line) {
		return line
	}
	end := at
	for end < len(line) && (valueByte(line[end]) || line[end] == '=') {
		end++
	}
	return line[:at] + line[end:]
}

// publicKeySays matches a comment that calls the value a public key
// ("public key for OSS", "publishable key").
var publicKeySays = regexp.MustCompile(`(?i)\b(?:an?\s+|the\s+)?(?:public|publishable)\s+(?:api\s+|client\s+)?key\b`)

// saysPublicKey reports whether comment calls the value a public key,
// not negated, and speaks of no secret or private half ("the secret
// paired with the public key" names the public half to tell the value
// from it).
func saysPublicKey(comment string) bool {
	if secretWords.MatchString(comment) {
		return false
	}
	for _, m := range publicKeySays.FindAllStringIndex(comment, -1) {
		if !notBefore.MatchString(comment[:m[0]]) {
			return true
		}
	}
	return false
}

var secretWords = regexp.MustCompile(`(?i)\b(?:secret|private)`)

// specExample reports whether the value at start, on the line starting at
// ls, is an example in a YAML, JSON or protobuf API description: on a
// line keyed example:/examples:, or in a block opened by one (a list of
// examples, or OpenAPI 3's named examples one level further down); in
// Go, the example option of a struct tag, or a JSON member under the
// same keys in a description held in a string (swaggo's generated
// docs.go).
func specExample(p, text string, ls, start int) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".yml", ".yaml", ".json", ".proto":
		// A .proto file's example: lines are OpenAPI options
		// (openapiv2_field { example: "..." }).
	case ".go":
		if goTagExample.MatchString(text[ls:start]) {
			return true
		}
		if !jsonMember.MatchString(text[ls:start]) {
			return false
		}
		// A JSON description inside a Go string (swaggo's generated
		// docs.go docTemplate): judged as in a JSON file below. Go
		// code's own fields (Config{example: …}, cobra's Example:) are
		// not JSON members.
	case ".toml":
		return tomlExample(text, ls, start)
	default:
		return false
	}
	if specExampleKey.MatchString(text[ls:start]) {
		return true
	}
	if ext := strings.ToLower(path.Ext(p)); (ext == ".yml" || ext == ".yaml") && yamlScalarExample(text, ls) {
		return true
	}
	// Any enclosing block keyed example or examples: a list-form
	// example (example: - secret: …) and a named one
	// (components.examples.<name>.value.Tokens[].code) are examples
	// however deep the value sits in them.
	at := ls
	for range maxSpecDepth {
		parent, from, _ := ancestor(text, at, specScanLines)
		if from < 0 {
			return false
		}
		if specExamplesBlock.MatchString(parent) {
			return true
		}
		if key, ok := sequenceKey(text, from, parent); ok && specExamplesBlock.MatchString(key) {
			// example:\n- api_id: …: YAML lets a list sit at its
			// key's own indentation.
			return true
		}
		at = from
	}
	return false
}

// sequenceKey returns, for a YAML list item line starting at from, the
// key line above it at the same indentation that holds the list
// (example:\n- item), if there is one within specScanLines.
func sequenceKey(text string, from int, item string) (string, bool) {
	t := strings.TrimLeft(item, " \t")
	if !strings.HasPrefix(t, "- ") && t != "-" {
		return "", false
	}
	want := indentOf(item)
	key, found := "", false
	linesAbove(text, from, specScanLines, func(l string, _ int) bool {
		switch n := indentOf(l); {
		case n < want:
			return true
		case n == want && !strings.HasPrefix(strings.TrimLeft(l, " \t"), "-"):
			key, found = l, true
			return true
		}
		return false
	})
	return key, found
}

// maxSpecDepth bounds how many enclosing blocks specExample climbs, and
// specScanLines how many lines above a value it reads for each: an
// example object may have many members.
const (
	maxSpecDepth  = 16
	specScanLines = 400
)

// ancestor returns the nearest line above the line starting at ls that
// is indented less (its enclosing block's opening line), looking at most
// limit lines up, and where it starts; from is -1 when there is none
// (the value's line is not indented, or no such line is near), and top
// reports that the search ran off the start of text rather than past
// its limit.
func ancestor(text string, ls, limit int) (line string, from int, top bool) {
	want := indentAt(text, ls)
	if want == 0 {
		return "", -1, false
	}
	from = -1
	top = linesAbove(text, ls, limit, func(l string, start int) bool {
		if indentOf(l) < want {
			line, from = l, start
			return true
		}
		return false
	})
	return line, from, top
}

// linesAbove calls f with each non-blank line above the line starting at
// ls, nearest first, and where it starts, until f returns true; it reads
// at most limit lines, blank ones counted. top reports that it ran off
// the start of text first.
func linesAbove(text string, ls, limit int, f func(line string, start int) bool) (top bool) {
	end := ls
	for i := 0; i < limit; i++ {
		if end == 0 {
			return true
		}
		start := strings.LastIndexByte(text[:end-1], '\n') + 1
		l := text[start : end-1]
		end = start
		if strings.TrimSpace(l) == "" {
			continue
		}
		if f(l, start) {
			return false
		}
	}
	return false
}

// linesBelow calls f with each non-blank line below the line starting at
// ls, nearest first, and where it starts, until f returns true; it reads
// at most limit lines, blank ones counted.
func linesBelow(text string, ls, limit int, f func(line string, start int) bool) {
	nl := strings.IndexByte(text[ls:], '\n')
	if nl < 0 {
		return
	}
	from := ls + nl + 1
	for i := 0; i < limit && from < len(text); i++ {
		to := strings.IndexByte(text[from:], '\n')
		if to < 0 {
			to = len(text) - from
		}
		l, start := text[from:from+to], from
		from += to + 1
		if strings.TrimSpace(l) == "" {
			continue
		}
		if f(l, start) {
			return
		}
	}
}

// roleFingerprint is a GPG or SSH key's fingerprint or id given under a
// name that says so (RELEASE_GPG_KEY: 7D06…, signing_key_id: …): it
// names a public key, the private one lives elsewhere.
const roleFingerprint = "a key fingerprint or id, which names a public key"

// fingerprintHeading is a line or label that says the hex values under
// or after it are fingerprints or keygrips (gpg --with-keygrip's
// "Keygrip = …", a README's "Keygrip:" over "Main key : …").
var fingerprintHeading = regexp.MustCompile(`(?i)\b(?:fingerprints?|keygrips?)\b`)

// fingerprintNear reports whether the value's line, before it, or the
// line above says fingerprint or keygrip.
func fingerprintNear(text string, ls int, before string) bool {
	if fingerprintHeading.MatchString(before) {
		return true
	}
	if ls == 0 {
		return false
	}
	ps, _ := lineBounds(text, ls-1)
	return fingerprintHeading.MatchString(text[ps : ls-1])
}

// signKeyName ends the text before a value named as a signing key.
var signKeyName = regexp.MustCompile(`(?i)sign(?:ing)?[-_]?key["']?\s*:?[:=]\s*["']?$`)

// gpgSignKey reports a value named as a signing key in a file that runs
// gpg (SIGNKEY:="9ADE…" beside gpg --list-keys): the key's id, the key
// itself is imported from elsewhere.
func gpgSignKey(text, before string) bool {
	return signKeyName.MatchString(before) && runsGPG.MatchString(text)
}

// runsGPG matches a file that uses GnuPG: the gpg command, its agent or
// its home directory.
var runsGPG = regexp.MustCompile(`\bgpg\b|\bgnupg\b`)

// fingerprintName ends the text before a value named as a key's
// fingerprint or id.
var fingerprintName = regexp.MustCompile(`(?i)(?:gpg|pgp|gnupg)[\w-]*["']?\s*[:=]\s*["']?$|(?:fingerprint|key[-_]?id)["']?\s*[:=]\s*["']?$`)

// roleDigest is a hex value named as a digest or checksum of some
// content (VALKEYSHA256=e220…, kubectl_sha256: …, "checksum": "…"):
// the name's last word is a hash algorithm (sha1, sha256, sha512, md5,
// with an optional "sum") or checksum/digest, and the value has that
// algorithm's length (any common digest length for checksum/digest). A
// digest of published content is public; a keyword inside the name
// ("key" in VALKEY) is no evidence.
const roleDigest = "a digest or checksum named so, which is published with what it checks"

// digestName ends the text before a value named as a digest; group 1 is
// the algorithm or word.
var digestName = regexp.MustCompile(`(?i)(sha-?1|sha-?224|sha-?256|sha-?384|sha-?512|md5|checksum|digest)(?:sum)?["']?\s*(?:[:=]|:=)\s*["'\x60]?$`)

// digestLen is the hex length of each algorithm's digest.
var digestLen = map[string]int{"sha1": 40, "sha224": 56, "sha256": 64, "sha384": 96, "sha512": 128, "md5": 32}

// fileKey ends the text before a value keyed by a file's path in a map
// of files ("docs/en/images/x.png": "d863…", a cache index's hashes):
// a quoted key with a slash whose last segment has an extension.
var fileKey = regexp.MustCompile(`["'][\w.@+~-]*(?:/[\w.@+~-]+)*/[\w@+~-][\w.@+~-]*\.([A-Za-z0-9]{1,10})["']\s*[:=]\s*["']$`)

// fileDigest reports whether the hex run at the start of value, of a
// common digest's length, is keyed by a file's path: a map of files to
// their digests (Graphify's cache index; lock and manifest files). An
// extension that names a credential (tls/server.key, .token) is not a
// file digest's key.
func fileDigest(before, value string) bool {
	m := fileKey.FindStringSubmatch(before)
	if m == nil {
		return false
	}
	switch strings.ToLower(m[1]) {
	case "key", "token", "secret", "password", "pass", "pwd", "pem", "cred", "creds", "credentials", "auth":
		return false
	}
	n := hexLen(value)
	return n == 32 || n == 40 || n == 64 || n == 128
}

// namedDigest reports whether the hex run at the start of value is a
// digest of the kind named at the end of before.
func namedDigest(before, value string) bool {
	m := digestName.FindStringSubmatch(before)
	if m == nil {
		return false
	}
	n := hexLen(value) // 0 when letters follow the hex
	alg := strings.ReplaceAll(strings.ToLower(m[1]), "-", "")
	if want, ok := digestLen[alg]; ok {
		return n == want
	}
	return n == 32 || n == 40 || n == 64 || n == 128
}

// rolePinnedRevision is a hex revision written as the version of a
// module, package or image path (buf.build/googleapis/googleapis:61b2…,
// github.com/org/repo@3f9c…, ghcr.io/org/image:<digest>): a dependency
// pinned to a commit or digest of published code. The path has at least
// one slash and no scheme (https://user:<hex>@host is a password), and
// the value is not followed by '@' (userinfo again).
const rolePinnedRevision = "a revision a dependency path is pinned to"

// pinnedPath ends the text before a value written right after a path
// and ':' or '@', the path starting the line, a list item or a quoted
// string.
var pinnedPath = regexp.MustCompile(`(?:^|[\s"'\[,])[\w.-]+(?:/[\w.-]+)+[:@]$`)

// rolePublicKey is a line of the body of a PEM-style block whose label
// says it holds a public key, a certificate or a signature
// ("-----BEGIN ROOT PUBLIC KEY-----", "BEGIN PGP PUBLIC KEY BLOCK",
// "BEGIN CERTIFICATE"): rules that match base64 text (generic-api-key on
// the decoded JSON of a signing key's public half) find keys in it that
// are published by design.
const rolePublicKey = "part of a public key or certificate block"

// pemBegin is the opening line of a PEM-style block; its label is
// group 1.
var pemBegin = regexp.MustCompile(`-----BEGIN ([A-Z0-9 ]+)-----`)

// publicBlock reports whether the line starting at ls is inside a
// PEM-style block (after its BEGIN line, before its END line) whose label
// names a public key, certificate or signature and no private key.
func publicBlock(text string, ls int) bool {
	b := strings.LastIndex(text[:ls], "-----BEGIN ")
	if b < 0 || strings.Contains(text[b:ls], "-----END ") {
		return false
	}
	m := pemBegin.FindStringSubmatch(text[b:min(len(text), b+80)])
	if m == nil {
		return false
	}
	label := m[1]
	if strings.Contains(label, "PRIVATE") || strings.Contains(label, "SECRET") || strings.Contains(label, "ENCRYPTED") {
		return false
	}
	return strings.Contains(label, "PUBLIC KEY") || strings.Contains(label, "CERTIFICATE") || strings.Contains(label, "SIGNATURE")
}

// roleRustTest is a value inside a Rust test module: the items after
// #[cfg(test)] are compiled only for cargo test, as a _test.go file is
// only for go test (kubeapps' pinniped-proxy keeps its test key there).
const roleRustTest = "in a Rust test module (#[cfg(test)])"

// cfgTestModule opens a Rust module compiled only for tests.
var cfgTestModule = regexp.MustCompile(`(?m)^[ \t]*#\[cfg\(test\)\][ \t]*\n(?:[ \t]*#\[[^\n]*\n)*[ \t]*(?:pub(?:\([a-z]+\))?[ \t]+)?mod[ \t]+\w+[ \t]*\{`)

// rustTestModule reports whether the line at ls of a Rust file follows
// a #[cfg(test)] module's opening (test modules sit at the end of the
// file, by convention and in practice).
func rustTestModule(p, text string, ls int) bool {
	if !strings.HasSuffix(p, ".rs") {
		return false
	}
	loc := cfgTestModule.FindStringIndex(text[:ls])
	return loc != nil
}

// roleLocalStack is a value in a Compose file that addresses its own
// server as localhost (DRONE_SERVER_HOST=localhost:9000,
// PUBLIC_URL: http://127.0.0.1:8080): the stack runs on a developer's
// machine, and its credentials exist only there, as in the local-dev
// paths of triage.go.
const roleLocalStack = "a Compose stack served on localhost"

var (
	// composeFile is a Docker Compose file's name.
	composeFile = regexp.MustCompile(`(?i)(?:^|/)(?:docker-)?compose(?:[._-][^/]*)?\.ya?ml$`)
	// selfLocalhost is a setting of a service's own address (the one
	// its users reach it at, not a dependency's: DB_HOST is not one)
	// to localhost or the loopback address.
	selfLocalhost = regexp.MustCompile(`(?im)^[\s-]*["']?[A-Z0-9_]*(?:SERVER_HOST|SERVER_URL|SERVER_ADDR(?:ESS)?|PUBLIC_URL|BASE_URL|EXTERNAL_URL|ROOT_URL|APP_URL|SITE_URL)["']?\s*[:=]\s*["']?(?:https?://)?(?:localhost|127\.0\.0\.1)(?:[:/"'\s]|$)`)
)

// localStack reports whether text, the whole of the file at p, is a
// Compose file one of whose services is addressed as localhost.
func localStack(p, text string) bool {
	return composeFile.MatchString(p) && selfLocalhost.MatchString(text)
}

// roleUnseen marks a place whose enclosing block is not in the text
// scanned (a commit that changed only the value's line): it neither
// confirms nor contradicts what the other places say.
const roleUnseen = "?"

// encryptedKey is a key that holds ciphertext.
var encryptedKey = regexp.MustCompile(`(?i)^\s*["']?(?:encrypted|encrypted[-_]?data|encrypted[-_]?values?|sealed[-_]?secrets?)["']?\s*:`)

var (
	// cliArg ends the text before a value that is a command-line flag's
	// argument: `--token=VALUE`, `--token VALUE`, `-p 'VALUE'`, or a
	// header given to curl (`-H "Authorization: Bearer VALUE"`).
	cliArg = regexp.MustCompile(`(?:^|[\s"'\x60(\[])(?:--?[A-Za-z][\w.-]*(?:=|[ \t]+)["']?|(?:-H|--header)[ \t]+["']?[\w-]+:[ \t]*(?:(?:Bearer|Basic|token)[ \t]+)?)$`)
	// helpHeading starts help text: a usage line, an examples block
	// (cobra's Example field, kingpin's and urfave's, a man page's
	// SYNOPSIS), or a shell prompt.
	helpHeading = regexp.MustCompile(`(?i)(?:^|[\s"'\x60/#*])(?:usage|examples?|synopsis)\s*[:=]|^\s*(?:["'\x60]|//|#)?\s*\$ \S`)
	// flagDef is a line that defines a command-line flag: the flag
	// package's and pflag's String/StringVar/…, urfave/cli's and
	// kingpin's Usage and Help texts.
	flagDef = regexp.MustCompile(`\.(?:String|StringVar|StringP|StringVarP|StringSlice\w*|Var|VarP|Flag)\(|\b(?:Usage|Help|Description)\s*:\s*["\x60]|\.Help\(`)
	// exampleMarker introduces an example inside a description.
	exampleMarker = regexp.MustCompile(`(?i)\b(?:e\.g\.|eg\.|eg:|i\.e\.|for example|for instance|example:|such as|like)\s*["'\x60(]?\s*$|(?i)\b(?:e\.g\.|for example|such as)[ ,:]`)
	// envExample ends the text before a value given as an environment
	// variable after an example marker ("Example: SYSTEM_SECRET=VALUE",
	// "e.g. API_KEY=VALUE"): help text showing how to set it.
	envExample = regexp.MustCompile(`(?i)\b(?:e\.g\.|eg\.|eg:|example:|for example[,:]?)\s*(?:export\s+)?[A-Z][A-Z0-9_]*=["']?$`)
)

// helpLines is how far above a command-line example its heading may be.
const helpLines = 12

// lineRole says whether the value at text[start:] sits in help text, and
// how ("" when it does not). A value counts as a help-text example when
// it is a flag's argument on a line under a usage or examples heading
// (or after a shell prompt), or when it follows "e.g."/"for example"/
// "such as" in a line defining a flag. In a shell script the line must
// also be printed or commented (echo, printf, #): a script's own
// commands under its usage text are real use.
func lineRole(p, text string, start int) string {
	ls, le := lineBounds(text, start)
	line, before := text[ls:le], text[ls:start]
	if flagDef.MatchString(line) && exampleMarker.MatchString(before) {
		return roleFlag
	}
	if publicBlock(text, ls) {
		return rolePublicKey
	}
	if saltedHash(text, ls, start) {
		return roleSaltedHash
	}
	if parent, _ := parentLine(text, ls); parent != "" && encryptedKey.MatchString(parent) {
		return roleCiphertext
	}
	if n := hexLen(text[start:]); (n == 16 || n == 40 || n == 64) && (fingerprintName.MatchString(before) || fingerprintNear(text, ls, before) || gpgSignKey(text, before)) {
		return roleFingerprint
	}
	if namedDigest(before, text[start:]) || fileDigest(before, text[start:]) {
		return roleDigest
	}
	if n := hexLen(text[start:]); (n == 32 || n == 40 || n == 64) && pinnedPath.MatchString(before) && !strings.HasPrefix(text[start+n:], "@") {
		return rolePinnedRevision
	}
	if envExample.MatchString(before) && (!shellFile(p) || strings.HasPrefix(strings.TrimSpace(line), "#")) {
		return roleHelp
	}
	if specExample(p, text, ls, start) {
		return roleSpecExample
	}
	if fencedExample(text, ls) || commentedExample(text, ls) {
		return roleDocExample
	}
	if inDocstring(p, text, ls) {
		return roleDocstring
	}
	if goName(p, text, ls, start) {
		return roleGoName
	}
	if placeholderComment(line, start-ls, text, ls) {
		return rolePlaceholderComment
	}
	if commentSays(saysPublic, line, start-ls, text, ls) {
		return rolePublicComment
	}
	if !secretWords.MatchString(lineWithoutValue(line, start-ls)) && commentSays(saysPublicKey, line, start-ls, text, ls) {
		// Not when the value's own line speaks of a private key
		// below a comment on the public one (ntfy's server.yml:
		// "# - web-push-private-key is the generated VAPID private
		// key, e.g. …" under the public key's line).
		return rolePublicComment
	}
	if fls, fle := fullLineBounds(text, start); proseExample(text, fls, fle, start) {
		// The whole line: the marker may show the value anywhere on
		// it, and proseExample reads a long line in linear time.
		return roleProseExample
	}
	if mapKey(text, start) {
		return roleMapKey
	}
	if localStack(p, text) {
		return roleLocalStack
	}
	if searchKey(p, text, ls, start) { // searchkey.go
		return roleSearchKey
	}
	if mapBrowserKey(p, text, ls, start) { // mapkey_browser.go
		return roleMapBrowserKey
	}
	if rustTestModule(p, text, ls) {
		return roleRustTest
	}
	if cacheKey(p, text, ls, start) { // ghcache.go
		return roleCacheKey
	}
	if localIssuer(text, ls) { // localissuer.go
		return roleLocalIssuer
	}
	if !deploymentFile(p) && localAccount(text, ls) { // localaccount.go
		return roleLocalAccount
	}
	if !deploymentFile(p) && localInstance(text, ls) { // localissuer.go
		return roleLocalInstance
	}
	if !cliArg.MatchString(before) {
		return ""
	}
	if testCommand.MatchString(text[ls:start]) {
		// go test ./test -args -api-key=…: the argument of a test
		// suite's run (weaviate's .travis.yml), for the server the
		// suite starts.
		return roleTestRun
	}
	// Not help text: still the argument of an option whose own name
	// may say nothing of a credential (otherFlag).
	none := otherFlag(before)
	if shellFile(p) {
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "echo ") && !strings.HasPrefix(t, "printf ") {
			return none
		}
	}
	// The heading: on this line or one of the lines above it.
	from := ls
	for i := 0; i <= helpLines; i++ {
		if helpHeading.MatchString(text[from:le]) {
			return roleHelp
		}
		if from == 0 {
			break
		}
		prev := strings.LastIndexByte(text[:from-1], '\n') + 1
		le, from = from-1, prev
	}
	return none
}

// roleTestRun is a command-line argument of a test suite's run: a
// command line that runs go test, gotestsum, pytest, a package
// manager's or make's test target, before the value.
const roleTestRun = "an argument of a test suite's run"

// testCommand matches a command that runs a test suite.
var testCommand = regexp.MustCompile(`(?:^|[\s;&|(\x60"'])(?:go\s+test|gotestsum|ginkgo|pytest|(?:npm|yarn|pnpm)\s+(?:run\s+)?test|mvn\s+test|gradle\s+test|make\s+(?:\S+-)?tests?|cargo\s+test)\b`)

// roleOtherFlag is the argument of a long command-line option whose
// name holds no credential word (cerbos's help text: "cerbosctl audit
// --kind=access --lookup=01F9…", an audit call id). The generic rule
// reaches the value from a keyword in an earlier word of the command
// line ("access", the value of --kind) across the option that really
// names it; as with a mapping's key (mapkey.go), the keyword names
// something else. Lowers generic matches only (findings.go): a value in
// a provider's format is a key whatever option it is handed to.
const roleOtherFlag = "the argument of a command-line option whose name says no credential"

// longOpt is the long option a value is the argument of: --name=VALUE,
// --name VALUE, --name="VALUE".
var longOpt = regexp.MustCompile(`(?:^|[\s"'\x60(\[])--([A-Za-z][\w.-]*)(?:=|[ \t]+)["']?$`)

// credOptWords are parts of an option name that say it takes a
// credential: the generic rule's keywords and their kin.
var credOptWords = []string{"access", "auth", "api", "cred", "key", "pass", "pwd", "secret", "token", "otp", "session", "cookie", "bearer", "sig", "cert", "private", "jwt", "login"}

// otherFlag returns roleOtherFlag when before ends with a long option
// whose name holds no credential word, else "".
func otherFlag(before string) string {
	m := longOpt.FindStringSubmatch(before)
	if m == nil {
		return ""
	}
	name := strings.ToLower(m[1])
	for _, w := range credOptWords {
		if strings.Contains(name, w) {
			return ""
		}
	}
	return roleOtherFlag
}

// shellFile reports a script whose lines are commands that run.
func shellFile(p string) bool {
	base := strings.ToLower(path.Base(p))
	switch path.Ext(base) {
	case ".sh", ".bash", ".zsh", ".ps1", ".bat", ".cmd", ".mk":
		return true
	}
	return base == "makefile" || base == "dockerfile" || strings.HasPrefix(base, "dockerfile.") || strings.HasSuffix(base, ".dockerfile")
}

// indentOf is the width of a line's leading blanks.
func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " \t")) }

// indentAt is the indent of the line starting at offset ls of text.
func indentAt(text string, ls int) int {
	le := strings.IndexByte(text[ls:], '\n')
	if le < 0 {
		le = len(text) - ls
	}
	return indentOf(text[ls : ls+le])
}

// parentLine returns the line that opens the block holding the line at
// offset ls: the nearest line above it that is indented less (YAML's and
// pretty-printed JSON's nesting), or "" when there is none within a few
// lines. top reports that the search reached the start of text.
func parentLine(text string, ls int) (parent string, top bool) {
	parent, _, top = ancestor(text, ls, 8)
	return parent, top
}

// parentSeen reports whether the block holding the value at start is in
// text: the value's line is not indented, or a line opening its block
// is there (parentLine did not run off the start of text).
func parentSeen(text string, start int) bool {
	ls, _ := lineBounds(text, start)
	_, top := parentLine(text, ls)
	return !top
}

// blockSeen reports whether what holds the value at start in the file p
// is in text, a diff's added lines and their context: parentSeen, and
// in a TOML file a triple quote above the value. A TOML multi-line
// string's lines are not indented, so a hunk that adds lines to a
// triple-quoted Example string without its opening line (lego's
// acmedns.toml, whose hunk starts below it) says nothing of the string
// they are in; resolveUnseen reads the whole file.
func blockSeen(p, text string, start int) bool {
	if !parentSeen(text, start) {
		return false
	}
	if strings.EqualFold(path.Ext(p), ".toml") {
		ls, _ := lineBounds(text, start)
		return strings.Contains(text[:ls], "'''") || strings.Contains(text[:ls], `"""`)
	}
	return true
}

// hexLen is the length of the run of hex digits s starts with, or 0 when
// a letter or digit that is not hex follows it (the value is not hex).
func hexLen(s string) int {
	n := 0
	for n < len(s) && isHex(s[n:n+1]) {
		n++
	}
	if n < len(s) && (s[n] == '_' || 'a' <= s[n]|0x20 && s[n]|0x20 <= 'z') {
		return 0
	}
	return n
}
