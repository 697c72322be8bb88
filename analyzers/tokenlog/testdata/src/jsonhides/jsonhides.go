// Package jsonhides: encoding/json (zerolog's Interface, json.Marshal)
// calls MarshalJSON and MarshalText, never String or LogValue.
package jsonhides

import (
	"encoding/json"
	"log"

	"github.com/rs/zerolog"
)

type Creds struct {
	User     string
	Password string
}

func (c Creds) String() string { return c.User + ":[redacted]" }

type Masked struct {
	User     string
	Password string
}

func (m Masked) MarshalJSON() ([]byte, error) { return json.Marshal(map[string]string{"user": m.User}) }

func positives(l zerolog.Logger, c Creds) {
	l.Info().Interface("creds", c).Msg("login") // want `jsonhides.Creds with credential field Password is printed whole`
	b, _ := json.Marshal(c)
	log.Printf("creds %s", b) // want `jsonhides.Creds with credential field Password is printed whole`
}

// Near misses: fmt calls String; MarshalJSON hides from encoding/json.
func nearMisses(l zerolog.Logger, c Creds, m Masked) {
	log.Printf("creds %v", c)
	l.Info().Str("creds", c.String()).Msg("login")
	l.Info().Interface("creds", m).Msg("login")
	b, _ := json.Marshal(m)
	log.Printf("creds %s", b)
}
