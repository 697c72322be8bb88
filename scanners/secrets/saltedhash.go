package secrets

import (
	"encoding/base64"
	"encoding/hex"
	"regexp"
)

// roleSaltedHash is a password hash stored as a record's fields: a
// digest under a password or hash key with its salt beside it in the
// same record (Mosquitto's dynamic-security.json clients, a user table
// in JSON or YAML). A service stores it to check a password; it cannot
// be presented as one. A stored plaintext password has no use for a
// salt, so the salt field is what says "hash", and the value must also
// be a digest's size.
const roleSaltedHash = "a salted password hash (its salt is beside it), which checks a password and cannot be used as one"

var (
	// hashField ends the text before a value keyed as a password or a
	// hash.
	hashField = regexp.MustCompile(`(?i)(?:pass(?:word|wd)?|pwd|hash(?:ed)?|digest)(?:[-_]?hash)?["']?\s*[:=]\s*["']?$`)
	// saltField is a line (or a part of one) that sets a salt to a
	// non-empty value.
	saltField = regexp.MustCompile(`(?i)(?:^|[\s{,"'])["']?(?:password[-_]?)?salt["']?\s*[:=]\s*["']?[^\s"',}]`)
	// digestValue is the run of base64 or hex characters a value starts
	// with.
	digestValue = regexp.MustCompile(`^[A-Za-z0-9+/_-]+=*`)
)

// digestSizes are the byte lengths of the digests password hashes use:
// MD5, SHA-1, SHA-224, SHA-256 (and PBKDF2/scrypt/Argon2 at 32 bytes),
// SHA-384, SHA-512.
var digestSizes = map[int]bool{16: true, 20: true, 28: true, 32: true, 48: true, 64: true}

// saltedHash reports whether the value at text[start:], on the line
// starting at ls, is a salted password hash: keyed as a password or a
// hash, a digest's size once base64 or hex is undone, and a field of the
// same record (a line at the same indent, not past one indented less,
// or the same line) sets a salt.
func saltedHash(text string, ls, start int) bool {
	if !hashField.MatchString(text[ls:start]) {
		return false
	}
	v := digestValue.FindString(text[start:])
	if !digestSized(v) {
		return false
	}
	_, le := lineBounds(text, start)
	if saltField.MatchString(text[ls:start]) || saltField.MatchString(text[start+len(v):le]) {
		return true
	}
	return siblingLine(text, ls, le, saltField.MatchString)
}

// digestSized reports whether v decodes (hex, or base64 in any of its
// spellings) to as many bytes as a digest.
func digestSized(v string) bool {
	if len(v)%2 == 0 && isHex(v) {
		b, err := hex.DecodeString(v)
		return err == nil && digestSizes[len(b)]
	}
	for _, e := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := e.DecodeString(v); err == nil {
			return digestSizes[len(b)]
		}
	}
	return false
}
