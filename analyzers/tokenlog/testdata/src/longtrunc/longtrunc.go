// Package longtrunc logs request dumps through helpers named for
// truncation. A helper that only bounds a log line (s[:LogMaxLen] with
// a limit of kilobytes, the text returned whole when shorter) hides
// nothing: the dump's Authorization header is logged. One that keeps a
// short prefix, or whose body is not in sight, is a redaction.
package longtrunc

import (
	"log"
	"net/http"
	"net/http/httputil"
	"strings"

	"trunclib"
)

// LogMaxLen bounds trace lines.
var LogMaxLen = 1024 * 8

// Truncate limits a string to LogMaxLen.
func Truncate(s string) string { // want Truncate:"param 0 flows to result 0"
	if len(s) > LogMaxLen {
		return s[:LogMaxLen] + "..."
	}
	return s
}

// truncateBody keeps the first 4 KiB.
func truncateBody(s string) string {
	if len(s) <= 4096 {
		return s
	}
	return s[:4096]
}

// truncateToken keeps four characters.
func truncateToken(s string) string {
	if len(s) <= 4 {
		return s
	}
	return s[:4] + "..."
}

// truncateHalf never returns its argument whole.
func truncateHalf(s string) string { return s[:len(s)/2] }

func trace(req *http.Request) {
	if dump, err := httputil.DumpRequestOut(req, true); err == nil {
		log.Println(Truncate(strings.TrimSpace(string(dump)))) // want `request dump with its Authorization and Cookie headers reaches log.Println`
	}
}

func traceBuilder(req *http.Request) {
	bld := new(strings.Builder)
	if dump, err := httputil.DumpRequestOut(req, true); err == nil {
		bld.WriteString(truncateBody(string(dump)))
	}
	log.Println(bld.String()) // want `request dump with its Authorization and Cookie headers reaches log.Println`
}

// Near miss: four characters of the token.
func shortPrefix(req *http.Request) {
	log.Println("token", truncateToken(req.Header.Get("Authorization")))
}

// Near miss: a helper that cuts every value (a name saying truncate
// and no whole return).
func half(req *http.Request) {
	log.Println("token", truncateHalf(req.Header.Get("Authorization")))
}

// Near miss: another package's truncation helper, whose body is not
// judged here: its name is taken at its word.
func elsewhere(req *http.Request) {
	if dump, err := httputil.DumpRequestOut(req, true); err == nil {
		log.Println(trunclib.TruncateText(string(dump)))
	}
}
