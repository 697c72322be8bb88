// Package blindtypes defines types that print themselves safely, and
// some that do not; written without looking at the analyzer.
package blindtypes

import (
	"fmt"
	"log"
	"log/slog"
	"net/url"
	"strings"
)

// Credentials are basic-auth credentials.
type Credentials struct {
	Username string
	Password string
}

// LogValue implements slog.LogValuer and leaves the password out.
func (c Credentials) LogValue() slog.Value {
	return slog.GroupValue(slog.String("username", c.Username), slog.String("password", "REDACTED"))
}

// APIToken is an API token with its metadata.
type APIToken struct {
	ID     string
	Name   string
	Value  string
	Scopes []string
}

// String shows the token's id and name only.
func (t APIToken) String() string {
	return fmt.Sprintf("APIToken{id=%s name=%s scopes=%s}", t.ID, t.Name, strings.Join(t.Scopes, ","))
}

// Format prints the same as String for every verb, %+v and %#v too.
func (t APIToken) Format(f fmt.State, verb rune) {
	fmt.Fprint(f, t.String())
}

// DBConfig is a database connection configuration.
type DBConfig struct {
	Host     string
	Port     int
	User     string
	Password string
	Name     string
}

// GoString keeps %#v from printing the password.
func (c DBConfig) GoString() string {
	return fmt.Sprintf("DBConfig{Host:%q, Port:%d, User:%q, Password:\"***\", Name:%q}", c.Host, c.Port, c.User, c.Name)
}

// String keeps %v and %+v from printing the password.
func (c DBConfig) String() string {
	return fmt.Sprintf("%s@%s:%d/%s", c.User, c.Host, c.Port, c.Name)
}

// DSN builds the connection string, with the password.
func (c DBConfig) DSN() string { // want DSN:`result 0 is password in field Password`
	u := url.URL{Scheme: "postgres", User: url.UserPassword(c.User, c.Password), Host: fmt.Sprintf("%s:%d", c.Host, c.Port), Path: c.Name}
	return u.String()
}

// SafeDSN builds the connection string for logs.
func (c DBConfig) SafeDSN() string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(c.User, c.Password), Host: fmt.Sprintf("%s:%d", c.Host, c.Port), Path: c.Name}
	return u.Redacted()
}

// LeakyKey prints itself whole.
type LeakyKey struct {
	KeyID  string
	Secret string
}

func (k LeakyKey) String() string { return k.KeyID + ":" + k.Secret } // want String:`String shows the secret` String:`result 0 is secret in field Secret`

// SigningKey redacts via LogValue, but String shows the key.
type SigningKey struct {
	Kid string
	Key []byte
}

func (k SigningKey) LogValue() slog.Value { return slog.StringValue("kid=" + k.Kid) }

func use(c Credentials, t APIToken, db DBConfig, lk LeakyKey, sk SigningKey) {
	slog.Info("login", "creds", c)
	slog.Info("login", slog.Any("creds", c))
	log.Printf("token %v", t)
	log.Printf("token %+v", t)
	log.Printf("token %s", t)
	log.Printf("db %v", db)
	log.Printf("db %#v", db)
	log.Printf("db %+v", db)
	log.Printf("connecting to %s", db.SafeDSN())
	log.Printf("connecting to %s:%d as %s", db.Host, db.Port, db.User)
	slog.Info("key", "key", sk)
	slog.Info("key", "kid", sk.Kid)
	log.Printf("connecting to %s", db.DSN()) // want `reaches log.Printf`
	log.Printf("key %v", lk)                 // want `reaches log.Printf`
	log.Printf("key %s", lk.String())        // want `reaches log.Printf`
	log.Printf("creds %+v", c)               // want `Credentials with credential field Password is printed whole by log.Printf`
	log.Printf("password %s", c.Password)    // want `reaches log.Printf`
	log.Printf("token value %s", t.Value)    // want `reaches log.Printf`
}
