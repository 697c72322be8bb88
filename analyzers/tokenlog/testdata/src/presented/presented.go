// Package presented checks credentials presented by clients and puts
// them in errors and logs: a value compared with a credential is one,
// whatever its name.
package presented

import (
	"crypto/hmac"
	"crypto/subtle"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"

	"golang.org/x/crypto/bcrypt"
)

type Server struct {
	apiKey   string
	hash     []byte
	name     string
	webhooks map[string]string
}

func (s *Server) checkKey(presented string) error {
	if subtle.ConstantTimeCompare([]byte(presented), []byte(s.apiKey)) != 1 {
		return errors.New("invalid key: " + presented) // want `credential checked against API key in field apiKey is put in an error message by errors.New`
	}
	return nil
}

func (s *Server) checkEq(candidate string) error {
	if candidate != s.apiKey {
		return fmt.Errorf("invalid key %q", candidate) // want `credential checked against API key in field apiKey is put in an error message by fmt.Errorf`
	}
	return nil
}

func (s *Server) login(user, input string) error {
	if err := bcrypt.CompareHashAndPassword(s.hash, []byte(input)); err != nil {
		log.Printf("login failed for %s with %q", user, input) // want `credential checked against a password hash by bcrypt.CompareHashAndPassword reaches log.Printf`
		return err
	}
	return nil
}

func (s *Server) Handle(w http.ResponseWriter, r *http.Request) {
	got := r.Header.Get("X-API-Key")
	_ = s.checkKey(got) // silent: checkKey reports the flow itself
	stored := s.lookup(r.URL.Path)
	if !hmac.Equal([]byte(stored), []byte(got)) {
		log.Printf("stored key %s does not match", stored) // want `credential checked against API key from the X-API-Key header reaches log.Printf`
	}
}

func (s *Server) lookup(p string) string { return s.webhooks[p] }

// Near misses.

func (s *Server) checkEmpty(candidate string) error {
	if candidate == "" {
		return fmt.Errorf("empty key %q", candidate) // silent: compared with a constant only
	}
	return nil
}

func (s *Server) checkName(candidate string) error {
	if candidate != s.name {
		return fmt.Errorf("unknown server %q", candidate) // silent: compared with a name, not a credential
	}
	return nil
}

func (s *Server) mismatch(presented string) error {
	if subtle.ConstantTimeCompare([]byte(presented), []byte(s.apiKey)) != 1 {
		return fmt.Errorf("invalid key of %d bytes", len(presented)) // silent: a length
	}
	return nil
}

func hashOnly(user string, hash []byte) error {
	if err := bcrypt.CompareHashAndPassword(hash, []byte("placeholder")); err != nil {
		return fmt.Errorf("user %s: %w", user, err) // silent: the user name; the password is a constant
	}
	return nil
}

// A dry-run path prints what it would do (issue 15 lists it among the
// misses; it was already reported): the token itself, and its length.
func deploy(dryRun bool) {
	token := os.Getenv("GITHUB_TOKEN")
	if dryRun {
		fmt.Printf("would deploy with token %s\n", token)                 // want `token from environment variable GITHUB_TOKEN reaches fmt.Printf`
		fmt.Printf("would deploy with a token of %d bytes\n", len(token)) // silent: a length
		return
	}
}
