package secrets

import (
	"regexp"
	"strings"
)

// roleDocstring is a value in the documentation string of a Python
// module, class or function: prose written for the reader, whose
// commands and settings are examples (dkron's copy of Ansible's
// packet_net.py inventory script, whose docstring shows
// `export PACKET_API_TOKEN=…` with the value from Packet's
// documentation). A triple-quoted string assigned to a name, passed to a
// call or joined to an expression is data, not documentation.
const roleDocstring = "a value in a Python docstring"

// tripleQuote finds the quotes that open or close a triple-quoted string.
var tripleQuote = regexp.MustCompile(`'''|"""`)

// docstringOpener is a line that starts a string statement with triple
// quotes, after an optional string prefix.
var docstringOpener = regexp.MustCompile(`^[ \t]*[rRuUbB]{0,2}(?:'''|""")`)

// inDocstring reports whether the line at ls of the Python file p is
// inside a triple-quoted string that is a statement of its own: its
// opening line starts with the quotes, and the line before it does not
// leave an expression open (an assignment, a call's arguments, an
// operator).
func inDocstring(p, text string, ls int) bool {
	if !strings.HasSuffix(strings.ToLower(p), ".py") {
		return false
	}
	quotes := tripleQuote.FindAllStringIndex(text[:ls], -1)
	if len(quotes)%2 == 0 {
		return false // not inside a triple-quoted string
	}
	open := quotes[len(quotes)-1][0]
	ol := strings.LastIndexByte(text[:open], '\n') + 1
	if !docstringOpener.MatchString(text[ol:]) {
		return false
	}
	// The nearest non-blank, non-comment line above the opener.
	prev := strings.TrimRight(text[:ol], "\r\n")
	for prev != "" {
		from := strings.LastIndexByte(prev, '\n') + 1
		l := strings.TrimSpace(prev[from:])
		prev = strings.TrimRight(prev[:from], "\r\n")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.ContainsAny(l[len(l)-1:], "(,=[{+\\") {
			return false // the string continues an expression
		}
		break
	}
	return true
}
