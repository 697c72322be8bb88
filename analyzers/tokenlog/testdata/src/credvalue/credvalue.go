// Package credvalue: the value field of a credential type (Value, Raw,
// Plaintext) holds the credential whatever it is called; the other
// fields, and the Value of a lexer's Token or of a setting, do not.
package credvalue

import "log"

type APIToken struct {
	ID     string
	Name   string
	Value  string
	Scopes []string
}

type SigningSecret struct {
	KeyID string
	Raw   []byte
}

// Token is a lexer's token.
type Token struct {
	Kind  int
	Value string
}

type Setting struct {
	Name  string
	Value string
}

type PasswordPolicy struct {
	MinLength int
	Value     string
}

func use(t APIToken, s SigningSecret, lt Token, st Setting, p PasswordPolicy) {
	log.Printf("token %s %s %v", t.ID, t.Name, t.Scopes) // silent: metadata
	log.Printf("key id %s", s.KeyID)                     // silent: an id
	log.Printf("lexer token %q", lt.Value)               // silent: a lexer's Token
	log.Printf("setting %s=%s", st.Name, st.Value)       // silent: not a credential type
	log.Printf("policy %s", p.Value)                     // silent: a policy, not a password
	log.Printf("token %s", t.Value)                      // want `token in field Value of credvalue.APIToken reaches log.Printf`
	log.Printf("secret %x", s.Raw)                       // want `secret in field Raw of credvalue.SigningSecret reaches log.Printf`
	log.Printf("token %+v", t)                           // want `credvalue.APIToken with credential field Value is printed whole`
}
