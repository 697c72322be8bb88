package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"
)

// RedactKeep is how many leading characters of a secret may be shown.
const RedactKeep = 4

// Redact returns a secret's first RedactKeep characters and its length,
// e.g. "sk_l…(32 chars)". Values of RedactKeep characters or fewer are
// hidden entirely, since showing them would show all of them.
func Redact(secret string) string {
	n := utf8.RuneCountInString(secret)
	if n <= RedactKeep*2 {
		return fmt.Sprintf("…(%d chars)", n)
	}
	prefix := []rune(secret)[:RedactKeep]
	return fmt.Sprintf("%s…(%d chars)", string(prefix), n)
}

// RedactIn replaces every occurrence of secret in s with Redact(secret).
// It also hides each line of a multi-line secret, so that a secret split
// across the lines of a snippet does not survive redaction.
func RedactIn(s, secret string) string {
	if secret == "" {
		return s
	}
	// Callers try many secrets on each text; most are absent, and
	// building the redacted form is the expensive part.
	if strings.Contains(s, secret) {
		s = strings.ReplaceAll(s, secret, Redact(secret))
	}
	if strings.Contains(secret, "\n") {
		for _, line := range strings.Split(secret, "\n") {
			line = strings.TrimSpace(line)
			if len(line) > RedactKeep*2 {
				s = strings.ReplaceAll(s, line, Redact(line))
			}
		}
	}
	return s
}

// Hash returns a hex SHA-256 of parts joined with NUL bytes. It is the
// building block of fingerprints and of baseline entries for secrets:
// it never lets the value itself be recovered.
func Hash(parts ...string) string {
	h := sha256.New()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// NormalizeLine folds white space in a source line, so that a re-indent
// does not change a fingerprint.
func NormalizeLine(line string) string {
	return strings.Join(strings.Fields(line), " ")
}

// Fingerprint is the line-free identity of a finding: the rule, the file,
// the normalised text of the flagged line and the occurrence index of
// that text among the file's findings of the same rule. Inserting lines
// above a finding leaves it unchanged.
func Fingerprint(ruleID, path, line string, occurrence int) string {
	return Hash(ruleID, path, NormalizeLine(line), fmt.Sprint(occurrence))[:32]
}
