// Package helperlib holds helpers used by package usehelperlib: whether
// a helper owns its sink reaches usehelperlib as a fact.
package helperlib

import (
	"fmt"
	"log"
	"strings"
)

// SplitAuthHeader parses a header and echoes it in its error: it owns
// the sink, but cannot know its callers pass credentials. Its first
// result is the scheme before the space, which carries nothing
// (segments.go); the second is the credential.
func SplitAuthHeader(header string) (string, string, error) { // want SplitAuthHeader:`param 0 reaches fmt.Errorf \(own sink\); param 0 flows to result 1`
	s := strings.Split(header, " ")
	if len(s) != 2 {
		return "", "", fmt.Errorf("invalid authorization header: %q", header) // silent here: this package passes no credential
	}
	return s[0], s[1], nil
}

// LogValue is a forwarder: it only logs its parameter.
func LogValue(v string) { // want LogValue:`^tokenlog\(param 0 reaches log.Printf\)$`
	log.Printf("v=%s", v)
}

const maxLineWidth = 2000

// LogLine bounds the line's length before it logs it (cozy-stack's
// logger.Entry.Log): reading the length is no other use, it is still a
// forwarder.
func LogLine(msg string) { // want LogLine:`^tokenlog\(param 0 reaches log.Print\)$`
	if len(msg) > maxLineWidth {
		msg = msg[:maxLineWidth-12] + " [TRUNCATED]"
	}
	log.Print(msg)
}
