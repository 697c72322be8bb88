// Package stringers declares credential types with String methods that
// show or hide their secret; usestringers prints them from another
// package, through the facts.
package stringers

import (
	"fmt"
	"log"
	"net/http"
)

// APIKey is a credential type whose String returns the key.
type APIKey string

func (k APIKey) String() string { return string(k) } // want String:`tokenlog\(param 0 flows to result 0\)` String:`tokenlog\(String shows the secret\)`

// Password is a credential type whose String redacts.
type Password string

func (p Password) String() string { return "[REDACTED]" }

// Token keeps a short prefix only.
type Token string

func (t Token) String() string {
	if len(t) < 4 {
		return "***"
	}
	return string(t[:4]) + "..."
}

// Secret holds its value in an unexported field and shows it.
type Secret struct{ value string }

func (s *Secret) String() string { return s.value } // want String:`tokenlog\(String shows the secret\)` String:`result 0 is secret in field value of stringers.Secret`

// Credentials shows the password.
type Credentials struct {
	User     string
	Password string
}

func (c Credentials) String() string { return fmt.Sprintf("%s:%s", c.User, c.Password) } // want String:`tokenlog\(result 0 is password in field Password\)` String:`tokenlog\(String shows the secret\)`

// Login shows the user only.
type Login struct {
	User     string
	Password string
}

func (l Login) String() string { return "login " + l.User }

// Kind is a lexer's token: an enumeration, not a secret.
type Kind string

const (
	Ident Kind = "IDENT"
	EOF   Kind = "EOF"
)

// LexToken is named Token and shows its text, but a struct named token
// with no credential field is a lexer's token.
type LexToken struct {
	Kind Kind
	Text string
}

func (t LexToken) String() string { return t.Text }

// SessionToken has no String method: its values are printed as they are.
type SessionToken string

// Opaque is not named like a credential but shows what it holds.
type Opaque struct{ raw string }

func (o Opaque) String() string { return o.raw } // no fact: Opaque has no secret part

func FromRequest(r *http.Request) Opaque { return Opaque{raw: r.Header.Get("Authorization")} } // want FromRequest:`result 0.0 is credentials from the Authorization header`

func local(k APIKey, p Password, t Token, s *Secret, c Credentials, l Login) {
	log.Printf("key %s", k)                     // want `API key of type stringers.APIKey shown by its String method reaches log.Printf`
	log.Printf("key %v", k.String())            // want `API key of type stringers.APIKey shown by its String method reaches log.Printf`
	log.Printf("password %s", p)                // silent: String redacts
	log.Printf("token %s", t)                   // silent: String keeps a short prefix
	log.Printf("secret %s", s)                  // want `secret of type stringers.Secret shown by its String method reaches log.Printf`
	log.Printf("creds %v", c)                   // want `credential of type stringers.Credentials shown by its String method reaches log.Printf`
	log.Printf("login %v", l)                   // silent: String shows the user only
	log.Printf("user %s", c.User)               // silent: the user name of a credential type
	log.Printf("kind %s", Ident)                // silent: an enumeration
	log.Printf("session %s", SessionToken("x")) // want `token of type stringers.SessionToken reaches log.Printf`
}

// DBSecret names a Kubernetes secret: several string fields, none a
// credential, so its String shows no secret.
type DBSecret struct {
	Namespace string
	Name      string
}

func (d DBSecret) String() string { return d.Namespace + "/" + d.Name }

// ClientSecret is named like a credential but holds a reference.
type ClientSecret struct{ Name string }

func (c ClientSecret) String() string { return c.Name }

func refs(d DBSecret, c ClientSecret) {
	log.Printf("secret %s", d) // silent: namespace and name of a secret kept elsewhere
	log.Printf("secret %s", c) // silent: the one string field is a name
}
