package secrets

import (
	"regexp"
	"strings"
)

// roleGoName is a value that is a name in Go code, outside any string
// or comment: secretNS := IBMSecretNamespace refers to a constant, whatever
// the constant holds (kanister's IBM block-storage client). A generic
// rule's keyword and assignment match it as if it were a value; the
// compiler reads it as an identifier. Only the generic rules are lowered
// by it: a provider's format that happens to be a valid name is judged
// by its format.
const roleGoName = "a name in Go code (an identifier outside any string or comment), not a literal"

// goNameAt matches an identifier or a qualified one (pkg.Name,
// cfg.Auth.Secret) at the start of a value, followed by what may follow
// an expression's operand.
var goNameAt = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?:[\s,;)}\]]|$|\(\))`)

// goOperandBefore ends the text of a line before a value written as an
// expression's operand: after an assignment, a declaration's =, a
// composite literal's key, or a call's parenthesis or comma.
var goOperandBefore = regexp.MustCompile(`(?:[^:!<>=]=|:=|[(,:])[ \t]*$`)

// goName reports whether the value at text[start:] of the Go file p is
// a name in code: the line is no comment, the value is not inside a
// string (no quote right before it, an even number of backquotes before
// it in the file) and it reads as an identifier.
func goName(p, text string, ls, start int) bool {
	if !strings.HasSuffix(p, ".go") {
		return false
	}
	before := text[ls:start]
	trimmed := strings.TrimSpace(before)
	if strings.HasPrefix(trimmed, "//") || strings.HasPrefix(trimmed, "/*") || strings.HasPrefix(trimmed, "*") || strings.Contains(before, "//") {
		return false
	}
	if !goOperandBefore.MatchString(before) {
		return false
	}
	if !goNameAt.MatchString(text[start:min(len(text), start+200)]) {
		return false
	}
	// Not inside a string or a raw string.
	return strings.Count(before, `"`)%2 == 0 && strings.Count(text[:start], "`")%2 == 0
}
