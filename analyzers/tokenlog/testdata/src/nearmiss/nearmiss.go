// Package nearmiss holds code that talks about credentials without
// logging one: every line here must stay silent.
package nearmiss

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

const authHeaderName = "Authorization"

type Claims struct {
	Subject  string
	Scopes   []string
	IssuedAt time.Time
}

type Client struct {
	BaseURL   string
	TokenURL  string
	Token     *oauth2.Token // a pointer field: fmt prints its address
	UserAgent string
}

type Creds struct {
	User     string
	Password string
}

func (c Creds) String() string { return c.User + ":****" }

func maskToken(s string) string { return strings.Repeat("*", len(s)) }

func fingerprint(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:12]
}

func handler(w http.ResponseWriter, r *http.Request, tok *oauth2.Token, claims Claims, c Client, cr Creds, key []byte) {
	auth := r.Header.Get(authHeaderName)
	log.Printf("header %s present: %v", authHeaderName, auth != "")     // silent: a name and a boolean
	log.Printf("auth scheme: %s", strings.Fields("Bearer x")[0])        // silent: a literal, not the header
	log.Printf("token expires %v", tok.Expiry)                          // silent: the expiry
	log.Printf("token type %s", tok.TokenType)                          // silent: the type
	log.Printf("token valid until %s", tok.Expiry.Format(time.RFC3339)) // silent: the expiry
	log.Printf("subject %s scopes %v", claims.Subject, claims.Scopes)   // silent: claims, not the token
	log.Printf("claims %+v", claims)                                    // silent: no credential field
	log.Printf("client %+v", c)                                         // silent: the token is behind a pointer
	log.Printf("creds %v", cr)                                          // silent: String hides the password
	log.Printf("user %s", cr.User)                                      // silent: a user name
	log.Printf("token %s", maskToken(auth))                             // silent: masked
	log.Printf("token fp %s", fingerprint(auth))                        // silent: a fingerprint
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(auth))
	log.Printf("mac %x", mac.Sum(nil))                           // silent: an HMAC
	log.Printf("token len %d", len(auth))                        // silent: a length
	log.Printf("token url %s", c.TokenURL)                       // silent: a URL
	slog.Info("request", "method", r.Method, "path", r.URL.Path) // silent: method and path
	slog.Info("request", "user_agent", r.UserAgent())            // silent: not a credential
	slog.Info("request", "remote", r.RemoteAddr)                 // silent: an address
	fmt.Fprintf(w, "%s", auth)                                   // silent: written to the client, not a log
	fmt.Fprintf(os.Stderr, "auth header %d bytes\n", len(auth))  // silent: a length
	if err := check(auth); err != nil {
		log.Printf("auth failed: %v", err) // silent: the error does not carry the token
	}
	secretName := os.Getenv("SECRET_NAME")
	log.Printf("reading secret %s", secretName) // silent: names a secret, holds none
	tokenTTL := 5 * time.Minute
	log.Printf("token ttl %v", tokenTTL) // silent: a duration
	passwordMinLength := 12
	log.Printf("min %d", passwordMinLength) // silent: a number
}

func check(tok string) error {
	if len(tok) < 20 {
		return fmt.Errorf("token too short: %d bytes", len(tok)) // silent: a length
	}
	return nil
}

// splitArgs is a lexer: its "token" is a word of a command line, built
// one character at a time, not a credential.
func splitArgs(s string) []string {
	var args []string
	token := ""
	for _, ch := range s {
		if ch == ' ' {
			if token != "" {
				args = append(args, token)
				token = ""
			}
			continue
		}
		token += string(ch)
	}
	if token != "" {
		args = append(args, token)
	}
	log.Printf("parsed args %v", args) // silent: words of a command line
	return args
}

const redactedKey = "[redacted]"

type store struct{ redactKeys bool }

// logKey is a redaction helper that can be turned off: the author chose
// what the log shows.
func (s *store) logKey(key string) string {
	if s.redactKeys {
		return redactedKey
	}
	return key
}

func (s *store) set(key string, v []byte) error {
	if len(v) == 0 {
		return fmt.Errorf("store: empty value for key %q", s.logKey(key)) // silent: through the redaction helper
	}
	return nil
}

func saveCSRF(s *store, token string) error {
	if err := s.set(token, []byte("1")); err != nil {
		return fmt.Errorf("csrf: storing token: %w", err) // silent: set's error holds the redacted key
	}
	return nil
}
