// Package ifacegetters: credentials read through an interface. The name
// of a method with no parameters and one string-like result, less a Get
// prefix, is the hint, as for a field.
package ifacegetters

import (
	"log"
	"time"
)

type User interface {
	GetPID() string
	GetEmail() string
	GetPassword() string
	GetPasswordHash() string
	GetRecoverToken() string
	GetRecoverTokenExpiry() time.Time
	GetTokenType() string
	HasPassword() bool
}

type Credential interface {
	ID() string
	Name() string
	Secret() string
	APIKey() []byte
	SecretRef() string
	Lookup(name string) string
}

type Source interface {
	Token() (string, error)
}

func use(u User, c Credential, s Source) {
	log.Printf("user %s <%s>", u.GetPID(), u.GetEmail())                          // silent: identifiers
	log.Printf("hash %s", u.GetPasswordHash())                                    // silent: a hash
	log.Printf("expires %s type %s", u.GetRecoverTokenExpiry(), u.GetTokenType()) // silent: expiry and type
	log.Printf("has password %t", u.HasPassword())                                // silent: a boolean
	log.Printf("credential %s (%s) ref %s", c.ID(), c.Name(), c.SecretRef())      // silent: names a secret, holds none
	log.Printf("value %s", c.Lookup("region"))                                    // silent: takes a parameter, not a getter
	log.Printf("password %s", u.GetPassword())                                    // want `password returned by ifacegetters.User.GetPassword reaches log.Printf`
	log.Printf("recover %s", u.GetRecoverToken())                                 // want `token returned by ifacegetters.User.GetRecoverToken`
	log.Printf("secret %s", c.Secret())                                           // want `secret returned by ifacegetters.Credential.Secret`
	log.Printf("key %s", c.APIKey())                                              // want `API key returned by ifacegetters.Credential.APIKey`
	if t, err := s.Token(); err == nil {
		log.Printf("token of %d bytes", len(t)) // silent: a length
	}
}
