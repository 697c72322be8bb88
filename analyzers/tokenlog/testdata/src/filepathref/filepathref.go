// Package filepathref logs values derived from a password setting: a
// "file:" reference whose path the code reads is a path, the password
// itself (or a value derived from it that is not opened) is not.
package filepathref

import (
	"crypto/tls"
	"log"
	"os"
	"strings"
)

// Near miss: the setting is a file reference; its path is logged and
// read.
func bindPassword(setting string) (string, error) {
	password := setting
	if password == "" {
		password = os.Getenv("LDAP_PASSWORD")
	}
	if strings.HasPrefix(password, "file:") {
		secretFile := strings.TrimPrefix(password, "file:")
		log.Printf("reading password from %s", secretFile)
		b, err := os.ReadFile(secretFile)
		if err != nil {
			return "", err
		}
		password = strings.TrimSpace(string(b))
	}
	return password, nil
}

// Near miss: a key pair's paths, taken from a secret-named setting.
func keyPair() (tls.Certificate, error) {
	keySecret := os.Getenv("TLS_KEY_SECRET")
	log.Printf("loading key from %s", keySecret)
	return tls.LoadX509KeyPair("cert.pem", keySecret)
}

// Positive: the password itself logged beside the file branch.
func logged() {
	password := os.Getenv("LDAP_PASSWORD")
	if strings.HasPrefix(password, "file:") {
		if _, err := os.ReadFile(strings.TrimPrefix(password, "file:")); err != nil {
			return
		}
	}
	log.Printf("bind with %s", password) // want `reaches log.Printf`
}

// Positive: a trimmed copy that is not opened is still the password.
func trimmedNotOpened() {
	password := os.Getenv("LDAP_PASSWORD")
	secret := strings.TrimPrefix(password, "plain:")
	log.Printf("bind with %s", secret) // want `reaches log.Printf`
}

type fetchOptions struct {
	Credentials string // the credentials file
	JSON        string
}

func credentialsWithFallback(o fetchOptions) string {
	credentials := o.Credentials
	if o.JSON != "" {
		credentials = o.JSON
	}
	return credentials
}

// readJSON reads a file: its parameter is a path.
func readJSON(file string) (string, error) { // want readJSON:`tokenlog\(path params \[0\]\)`
	b, err := os.ReadFile(file)
	return string(b), err
}

// Near miss: the credentials setting is handed to a helper that reads it
// as a file, so it names the file (oauth2l's --credentials).
func openCredentials(o fetchOptions) {
	credentials := credentialsWithFallback(o)
	if _, err := readJSON(credentials); err != nil {
		log.Println("failed to open file: " + credentials)
	}
}

// Positive: the same setting, never read as a file, is the credential.
func sendCredentials(o fetchOptions) {
	credentials := credentialsWithFallback(o)
	log.Println("using " + credentials) // want `reaches log.Println`
}
