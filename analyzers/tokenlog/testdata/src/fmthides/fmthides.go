// Package fmthides: a type that hides only from one logger (LogValue
// for slog, MarshalText for encoders) prints its fields under fmt and
// the standard log package; Format, GoString and String hide from fmt.
package fmthides

import (
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"os"
)

// Login hides its password from slog only.
type Login struct {
	User     string
	Password string
}

func (l Login) LogValue() slog.Value { return slog.StringValue(l.User) }

// Key hides its secret from encoders only.
type Key struct {
	ID     string
	Secret string
}

func (k Key) MarshalText() ([]byte, error) { return []byte(k.ID), nil }

// Token hides from fmt through Format.
type Token struct {
	Type  string
	Value string
	Token string
}

func (t Token) Format(s fmt.State, verb rune) { fmt.Fprint(s, t.Type) }

func use(l Login, k Key, t Token) {
	slog.Info("login", "login", l)                    // silent: slog calls LogValue
	slog.Info("login", slog.Any("login", l))          // silent: the same
	b, _ := json.Marshal(k)                           // encoding/json calls MarshalText
	log.Printf("key %s", b)                           // silent
	log.Printf("token %+v", t)                        // silent: fmt calls Format
	fmt.Fprintln(os.Stderr, t)                        // silent: the same
	log.Printf("login %+v", l)                        // want `fmthides.Login with credential field Password is printed whole by log.Printf`
	fmt.Println(k)                                    // want `fmthides.Key with credential field Secret is printed whole by fmt.Println`
	slog.Info("login", "login", fmt.Sprintf("%v", l)) // want `fmthides.Login with credential field Password is printed whole by slog.Info`
}
