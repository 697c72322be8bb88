// Package helpersink: a helper that does something with its parameter
// (parses, compares, returns it) and also writes it to a sink owns that
// sink. However many callers pass it a credential, the leak is reported
// once, at the sink inside the helper, with the first caller's flow as
// the code flow. A forwarder (a log wrapper that only hands its
// parameter on) is still reported at each call: what it logs is the
// caller's choice.
package helpersink

import (
	"fmt"
	"log"
	"net/http"
	"strings"
)

// splitAuthHeader parses a header and echoes it in its error.
func splitAuthHeader(header string) (string, string, error) {
	s := strings.Split(header, " ")
	if len(s) != 2 {
		return "", "", fmt.Errorf("invalid authorization header: %q", header) // want `credentials from the Authorization header is put in an error message by fmt.Errorf in splitAuthHeader, passed by findBasic and 2 other calls`
	}
	return s[0], s[1], nil
}

func findBasic(r *http.Request) (string, error) {
	_, v, err := splitAuthHeader(r.Header.Get("Authorization")) // silent: reported in splitAuthHeader
	return v, err
}

func findBearer(r *http.Request) (string, error) {
	_, v, err := splitAuthHeader(r.Header.Get("Authorization")) // silent: counted there
	return v, err
}

// fromHeader hands its parameter to splitAuthHeader: the sink stays
// splitAuthHeader's.
func fromHeader(h string) (string, error) {
	_, v, err := splitAuthHeader(h)
	return v, err
}

func chained(r *http.Request) {
	fromHeader(r.Header.Get("Authorization")) // silent: counted in splitAuthHeader
}

func noCredential(r *http.Request) {
	splitAuthHeader(r.Header.Get("Accept")) // silent: no credential
}

var expected = "k"

// checkValue compares its parameter and logs it when it is wrong.
func checkValue(v string) bool {
	if v != expected {
		log.Printf("rejected value %s", v) // want `API key from the X-API-Key header reaches log.Printf in checkValue, passed by guardA and 1 other call`
		return false
	}
	return true
}

func guardA(r *http.Request) bool { return checkValue(r.Header.Get("X-API-Key")) } // silent: reported in checkValue

func guardB(r *http.Request) bool { return checkValue(r.Header.Get("X-API-Key")) } // silent: counted there

func guardC(r *http.Request) bool { return checkValue(r.URL.Query().Get("page")) } // silent: no credential

// Forwarders: each call is its own leak.

func logValue(v string) { log.Printf("v=%s", v) }

func logMsg(v string) { log.Print(fmt.Sprintf("v=%s", v)) }

func logConcat(v string) { log.Print("v=" + v) }

func logf(format string, args ...any) { log.Printf(format, args...) }

func forwarders(r *http.Request) {
	tok := r.Header.Get("X-Auth-Token")
	logValue(tok)          // want `token from the X-Auth-Token header reaches log.Printf via logValue`
	logValue(tok)          // want `token from the X-Auth-Token header reaches log.Printf via logValue`
	logMsg(tok)            // want `token from the X-Auth-Token header reaches log.Print via logMsg`
	logConcat(tok)         // want `token from the X-Auth-Token header reaches log.Print via logConcat`
	logf("t=%s", tok)      // want `token from the X-Auth-Token header reaches log.Printf via logf`
	logValue(r.URL.Path)   // silent: no credential
	logf("p=%s", r.Method) // silent: no credential
}

func callsGenerated(r *http.Request) {
	parseGenerated(r.Header.Get("Authorization")) // want `credentials from the Authorization header is put in an error message by fmt.Errorf via parseGenerated`
}

// decodeSecret decodes its parameter, named like a credential, and logs
// it with the raw header when it is malformed. The name reports the log
// call, and the callers' Authorization header, passed as raw, reaches
// the same call: one log call, one finding, the one that says where the
// value comes from.
func decodeSecret(raw, secret string) ([]byte, error) {
	if raw == "" {
		return nil, nil
	}
	b := make([]byte, len(secret))
	if len(secret)%4 != 0 {
		log.Println("invalid auth secret", raw, "'"+secret+"'") // want `credentials from the Authorization header reaches log.Println in decodeSecret, passed by serveFile`
		return nil, fmt.Errorf("malformed")
	}
	return b, nil
}

func serveFile(w http.ResponseWriter, r *http.Request) {
	h := r.Header.Get("Authorization")
	decodeSecret(h, strings.TrimPrefix(h, "Basic ")) // silent: reported in decodeSecret
}

// Positive: with no caller passing a credential, the name still counts.
func checkPassword(password string) bool {
	if len(password) < 8 {
		log.Println("short password " + password) // want `password in parameter password reaches log.Println`
		return false
	}
	return true
}
