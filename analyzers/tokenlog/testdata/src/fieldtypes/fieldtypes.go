// Package fieldtypes: a credential field whose own type prints itself.
// fmt calls String, Format, GoString and Error on the exported fields of
// a struct it prints whole; encoding/json calls MarshalJSON and
// MarshalText. A field of a type that hides itself that way prints no
// credential; an unexported one, a String that shows the value, or a
// LogValue (slog calls it on the logged value only) leave it printed.
package fieldtypes

import (
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
)

// Secret never prints.
type Secret string

func (Secret) String() string { return "[REDACTED]" }

// Masked prints a fixed mask for every verb.
type Masked []byte

func (Masked) Format(f fmt.State, verb rune) { fmt.Fprint(f, "***") }

// Plain shows itself.
type Plain string

func (p Plain) String() string { return string(p) } // want String:`String shows the secret` String:`param 0 flows to result 0`

// Logged hides only from slog.
type Logged string

func (Logged) LogValue() slog.Value { return slog.StringValue("***") }

// JSONHidden hides only from encoders.
type JSONHidden string

func (JSONHidden) MarshalText() ([]byte, error) { return []byte("***"), nil }

type Exported struct {
	Name       string
	Password   Secret
	PrivateKey Masked
}

type Unexported struct {
	Name     string
	password Secret
}

type Shown struct {
	Name   string
	APIKey Plain
}

type ViaSlog struct {
	Name  string
	Token Logged
}

type ViaJSON struct {
	Name   string
	Secret JSONHidden
}

type Nested struct {
	Addr string
	Auth Exported
}

func use(e Exported, u Unexported, s Shown, v ViaSlog, j ViaJSON, n Nested) {
	log.Printf("%+v", e) // silent: Password prints through Secret.String
	log.Printf("%v", n)  // silent: the nested Password too
	slog.Info("cfg", "cfg", e)
	b, _ := json.Marshal(j)
	log.Printf("%s", b)  // silent: encoding/json writes Secret through MarshalText
	log.Printf("%+v", u) // want `fieldtypes.Unexported with credential field password`
	log.Printf("%+v", s) // want `fieldtypes.Shown with credential field APIKey`
	log.Printf("%+v", v) // want `fieldtypes.ViaSlog with credential field Token`
	log.Printf("%+v", j) // want `fieldtypes.ViaJSON with credential field Secret`
}
