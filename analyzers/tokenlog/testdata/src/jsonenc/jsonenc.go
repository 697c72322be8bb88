// Package jsonenc: values written with encoding/json show only the
// fields the encoder writes (issue 15, class H). A credential field
// tagged `json:"-"`, unexported, or inside a type with its own
// MarshalJSON is not written; %v, %+v and %#v ignore tags and still
// print it.
package jsonenc

import (
	"encoding/json"
	"log"
	"net/http"
	"os"

	zlog "github.com/rs/zerolog/log"
)

// Config is the CLI configuration: the token is never serialised.
type Config struct {
	ServerURL string `json:"server_url"`
	Token     string `json:"-"`
	LogLevel  string `json:"log_level"`
}

// User keeps its forge tokens out of JSON.
type User struct {
	Login        string `json:"login"`
	AccessToken  string `json:"-"`
	RefreshToken string `json:"-"`
	Email        string `json:"email"`
}

// Account shows its token in JSON.
type Account struct {
	Name  string `json:"name"`
	Token string `json:"token"`
}

// Session has a dash-named key: `json:"-,"` is the key "-", written.
type Session struct {
	ID     string `json:"id"`
	Secret string `json:"-,"`
}

// Wrapped holds a User by pointer: JSON follows it, and User hides its
// tokens.
type Wrapped struct {
	Kind string `json:"kind"`
	U    *User  `json:"user"`
}

// Leaky holds an Account by pointer: JSON follows it to the token.
type Leaky struct {
	Kind string   `json:"kind"`
	A    *Account `json:"account"`
}

// private has its secret in an unexported field.
type private struct {
	Name     string
	password string
}

func getUser() *User       { return &User{} }
func getAccount() *Account { return &Account{} }
func getLeaky() *Leaky     { return &Leaky{} }

// loadConfig returns a config whose token comes from a credential
// environment variable.
func loadConfig() *Config {
	return &Config{ServerURL: "https://ci.example.com", Token: os.Getenv("WOODPECKER_TOKEN")}
}

func nearMisses(r *http.Request) {
	cfg := loadConfig()
	zlog.Debug().Any("config", cfg).Msg("loaded config") // the token is tagged json:"-"

	u := getUser()
	zlog.Debug().Any("user", u).Msg("got user")       // AccessToken, RefreshToken are json:"-"
	zlog.Debug().Interface("user", u).Msg("got user") // same encoder
	b, _ := json.Marshal(u)
	log.Printf("user %s", b) // json.Marshal leaves the tokens out

	w := &Wrapped{Kind: "x", U: u}
	zlog.Info().Any("w", w).Msg("") // through a pointer field, still json:"-"

	p := private{Name: "n", password: r.Header.Get("Authorization")}
	zlog.Debug().Any("p", p).Msg("") // unexported: encoding/json skips it

	local := Config{ServerURL: "u", Token: r.Header.Get("X-Auth-Token")}
	enc := json.NewEncoder(os.Stderr)
	_ = enc.Encode(local) // Encode leaves the tagged field out
}

func positives(r *http.Request) {
	cfg := loadConfig()
	zlog.Debug().Msgf("config %+v", cfg) // want `token from environment variable WOODPECKER_TOKEN returned by loadConfig reaches zerolog.Event.Msgf`
	log.Printf("config %#v", *cfg)       // want `token from environment variable WOODPECKER_TOKEN returned by loadConfig reaches log.Printf`

	u := getUser()
	log.Printf("user %+v", u) // want `\*jsonenc.User with credential field AccessToken is printed whole by log.Printf`

	a := getAccount()
	zlog.Debug().Any("account", a).Msg("") // want `\*jsonenc.Account with credential field Token is printed whole by zerolog.Event.Msg`
	b, _ := json.Marshal(a)
	log.Printf("account %s", b) // want `\*jsonenc.Account with credential field Token is printed whole by log.Printf`
	s := Session{ID: "1", Secret: r.Header.Get("X-Api-Key")}
	zlog.Debug().Any("session", s).Msg("") // want `API key from the X-Api-Key header reaches zerolog.Event.Msg`

	l := getLeaky()
	zlog.Info().Any("l", l).Msg("") // want `\*jsonenc.Leaky with credential field A.Token is printed whole by zerolog.Event.Msg`

	local := Config{ServerURL: "u", Token: r.Header.Get("X-Auth-Token")}
	zlog.Debug().Str("token", local.Token).Msg("") // want `token from the X-Auth-Token header reaches zerolog.Event.Msg`
}
