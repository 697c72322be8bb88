// Package userid decodes colon-joined credentials (HTTP Basic's
// user-id:password, key-id:secret API keys): the first field names the
// account, the rest is the secret.
package userid

import (
	"encoding/base64"
	"log"
	"net/http"
	"strings"
)

// decodeBasic returns the user-id and password of a Basic header.
func decodeBasic(h http.Header) (string, string) {
	fields := strings.Fields(h.Get("Authorization"))
	if len(fields) != 2 {
		return "", ""
	}
	p, err := base64.StdEncoding.DecodeString(fields[1])
	if err != nil {
		return "", ""
	}
	creds := strings.SplitN(string(p), ":", 2)
	if len(creds) == 1 {
		return creds[0], ""
	}
	return creds[0], creds[1]
}

func login(r *http.Request) {
	user, pass := decodeBasic(r.Header)
	log.Printf("failed login for %s", user) // silent: the user-id names the account
	log.Printf("bad password %s", pass)     // want `credentials from the Authorization header returned by decodeBasic reaches log.Printf`
}

func apiKey(r *http.Request) {
	parts := strings.Split(r.Header.Get("X-Api-Key"), ":")
	if len(parts) != 2 {
		log.Printf("malformed key %s", r.Header.Get("X-Api-Key")) // want `API key from the X-Api-Key header reaches log.Printf`
		return
	}
	log.Printf("key id %s", parts[0])     // silent: the key id before the colon
	log.Printf("key secret %s", parts[1]) // want `API key from the X-Api-Key header reaches log.Printf`
}

func dotted(r *http.Request) {
	parts := strings.Split(r.Header.Get("X-Auth-Token"), ".")
	log.Printf("first part %s", parts[0]) // want `token from the X-Auth-Token header reaches log.Printf`
}

// Secrets given as NAME=VALUE on a command line: the name before the
// "=" is printed, the value after it is not.
type input struct {
	secrets []string
}

func newSecrets(in *input) map[string]string {
	s := map[string]string{}
	for _, secretPair := range in.secrets {
		secretPairParts := strings.SplitN(secretPair, "=", 2)
		secretPairParts[0] = strings.ToUpper(secretPairParts[0])
		if _, dup := s[secretPairParts[0]]; dup {
			log.Printf("secret %s is already defined", secretPairParts[0]) // silent: the secret's name
		}
		if len(secretPairParts) == 2 {
			s[secretPairParts[0]] = secretPairParts[1]
			log.Printf("secret value %s", secretPairParts[1]) // want `secret in field secrets reaches log.Printf`
		}
	}
	return s
}
