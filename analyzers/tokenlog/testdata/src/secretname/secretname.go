// Package secretname prints credential-named fields that hold the name
// of a secret: the package files the value under a "name" key (a map
// key, a struct field), so it is a name, not the secret's value. Values
// filed under other keys, or not filed at all, stay what their names
// say.
package secretname

import (
	"encoding/json"
	"fmt"
	"log"
)

// SecretNote is a secret's note; Secret holds the secret's name.
type SecretNote struct {
	Secret string // want Secret:`tokenlog\(plain: a name \(stored under a name key\)\)`
	Note   string
}

// Near miss: the field is filed under "name" and printed.
func printNote(n SecretNote) {
	note := map[string]string{}
	note["name"] = n.Secret
	note["note"] = n.Note
	b, _ := json.Marshal(note)
	fmt.Println(string(b))
	fmt.Println(n.Secret, n.Note)
}

// Ref names a stored token in a map literal elsewhere.
type Ref struct {
	Token string // want Token:`tokenlog\(plain: a name \(stored under a name key\)\)`
}

func refRow(r Ref) map[string]string { return map[string]string{"secret_name": r.Token} }

// Near miss: printed beside the package's own filing of it as a name.
func printRef(r Ref) {
	log.Printf("deleting %s", r.Token)
}

type row struct {
	Name  string
	Value string
}

// Missing lists secrets asked for that do not exist.
type Missing struct {
	APIKey string // want APIKey:`tokenlog\(plain: a name \(stored under a name key\)\)`
}

func rows(m Missing) []row { return []row{{Name: m.APIKey, Value: "missing"}} }

// Near miss: a struct literal's Name field.
func printMissing(m Missing) {
	log.Printf("missing secret %s", m.APIKey)
}

// Keyring names a keyring item; Password holds the item's name.
type Keyring struct {
	Password string // want Password:`tokenlog\(plain: a name \(stored under a name key\)\)`
}

func item(k Keyring) map[string]string { return map[string]string{"item_name": k.Password} }

// Near miss: filed under "item_name" in a map literal.
func printItem(k Keyring) {
	log.Printf("removing keyring item %s", k.Password)
}

// Cred holds a secret's value.
type Cred struct {
	Secret   string
	Password string
	Token    string
	Name     string
}

// Positive: filed under "value", not a name.
func printCred(c Cred) {
	m := map[string]string{"name": c.Name, "value": c.Secret}
	_ = m
	fmt.Println(c.Secret) // want `reaches fmt.Println`
}

// Positive: a password beside a name filed under "name".
func printPassword(c Cred) {
	m := map[string]string{}
	m["name"] = c.Name
	m["password"] = c.Password
	log.Printf("%s %s", m["name"], c.Password) // want `reaches log.Printf`
}

// Positive: "id" may label a session ID; it does not make a name.
func printToken(c Cred) {
	fields := map[string]string{"id": c.Token}
	_ = fields
	log.Printf("token %s", c.Token) // want `reaches log.Printf`
}

// Positive: a credential-named key is no name key ("token_name" is not,
// but "name_token" names a token).
func keyed(secret string) {
	m := map[string]string{"name_token": secret}
	_ = m
	log.Printf("secret %s", secret) // want `reaches log.Printf`
}

// TrackedImage lists the image pull secrets of a workload by name; the
// package looks each up through a client taking (namespace, name).
type TrackedImage struct {
	NS      string   // not named Namespace: the data flow decides here
	Secrets []string // want Secrets:`tokenlog\(plain: a name \(passed as a name parameter\)\)`
	Tokens  []string
}

type secretClient interface {
	Secret(namespace, name string) (string, error)
	Token(namespace, id string) (string, error)
}

// Near miss: each element is handed to the name parameter of a lookup.
func lookup(c secretClient, image TrackedImage) {
	for _, ref := range image.Secrets {
		if _, err := c.Secret(image.NS, ref); err != nil {
			log.Printf("secret %s not found", ref)
		}
	}
	log.Printf("secrets %v", image.Secrets)
}

// Positive: handed to an id parameter, the value stays what its name
// says.
func lookupTokens(c secretClient, image TrackedImage) {
	for _, t := range image.Tokens {
		if _, err := c.Token(image.NS, t); err != nil {
			log.Printf("token %s not found", t) // want `reaches log.Printf`
		}
	}
}
