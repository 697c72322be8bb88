// Package flow covers each propagation step and each sanitizer.
package flow

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"log"
	"net/http"
	"strings"
)

func concat(r *http.Request) {
	tok := r.Header.Get("X-Auth-Token")
	msg := "token=" + tok
	log.Print(msg)                             // want `token from the X-Auth-Token header reaches log.Print`
	log.Print("token=" + fmt.Sprint(len(tok))) // silent: a length
	s := fmt.Sprintf("Bearer %s", tok)
	log.Print(s)                                              // want `reaches log.Print`
	log.Print(base64.StdEncoding.EncodeToString([]byte(tok))) // want `reaches log.Print`
	sum := sha256.Sum256([]byte(tok))
	log.Printf("%x", sum)                    // silent: a hash
	log.Print(redactToken(tok))              // silent: the name says redact
	log.Print(strings.Repeat("*", len(tok))) // silent: a mask
}

func redactToken(s string) string { return s[:2] + "..." }

func builder(r *http.Request) {
	tok := r.Header.Get("X-Auth-Token")
	var sb strings.Builder
	sb.WriteString("auth: ")
	sb.WriteString(tok)
	log.Print(sb.String()) // want `reaches log.Print`
}

func bytesConv(r *http.Request) {
	b := []byte(r.Header.Get("X-Auth-Token"))
	log.Print(string(b)) // want `reaches log.Print`
}

type session struct {
	User  string
	Token string
	Hits  int
}

func fields(r *http.Request) {
	var s session
	s.User = r.URL.Query().Get("user")
	s.Token = r.Header.Get("X-Auth-Token")
	log.Print(s.User) // silent: the user field holds no credential
	log.Print(s.Hits) // silent: a count
	p := &session{Token: r.Header.Get("X-Auth-Token")}
	log.Print(p.User) // silent: another field
}

type holder struct{ v string }

func fieldStoreLoad(r *http.Request) {
	h := &holder{}
	h.v = r.Header.Get("X-Auth-Token")
	log.Print(h.v) // want `reaches log.Print`
}

func collections(r *http.Request) {
	m := map[string]string{}
	m["auth"] = r.Header.Get("X-Auth-Token")
	log.Print(m["auth"]) // want `reaches log.Print`
	parts := []string{"a", r.Header.Get("X-Auth-Token")}
	log.Print(parts[1]) // want `reaches log.Print`
	for _, p := range parts {
		log.Print(p) // want `reaches log.Print`
	}
	other := []string{"a", "b"}
	log.Print(other[1]) // silent: no credential stored
}

func closures(r *http.Request) {
	tok := r.Header.Get("X-Auth-Token")
	logIt := func() {
		log.Print(tok) // want `reaches log.Print`
	}
	logIt()
	count := func() {
		log.Print(len(tok)) // silent: a length
	}
	count()
}

func deferred(r *http.Request) {
	tok := r.Header.Get("X-Auth-Token")
	defer log.Printf("done with %s", tok)            // want `reaches log.Printf`
	defer log.Printf("done with %d bytes", len(tok)) // silent: a length
}

// Secret prints itself redacted: a type with a redacting String method
// is a sanitizer.
type Secret string

func (Secret) String() string { return "[redacted]" }

func typed(r *http.Request) {
	s := Secret(r.Header.Get("X-Auth-Token"))
	log.Print(s)         // silent: Secret redacts itself
	log.Print(string(s)) // want `reaches log.Print`
}

func authHeader(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func trim(s string) string { return strings.TrimSpace(s) }

func helpers(r *http.Request) {
	log.Print(authHeader(r))                      // want `bearer token from the Authorization header returned by authHeader reaches log.Print`
	log.Print(trim(r.Header.Get("X-Auth-Token"))) // want `reaches log.Print`
	log.Print(trim(r.URL.Path))                   // silent: trim passes through what it gets
}

func logToken(t string) { log.Printf("t=%s", t) }

func logLen(t string) { log.Printf("t=%d", len(t)) }

func wrappers(r *http.Request) {
	tok := r.Header.Get("X-Auth-Token")
	logToken(tok)        // want `token from the X-Auth-Token header reaches log.Printf via logToken`
	logLen(tok)          // silent: logLen logs a length
	logToken(r.URL.Path) // silent: no credential
}

func replaced(line string, r *http.Request) {
	tok := r.Header.Get("X-Auth-Token")
	log.Print(strings.ReplaceAll(line, tok, "REDACTED")) // silent: the token is what is removed
	log.Print(strings.ReplaceAll(tok, "-", ""))          // want `reaches log.Print`
}
