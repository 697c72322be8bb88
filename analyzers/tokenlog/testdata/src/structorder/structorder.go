// Package structorder: a local struct printed whole before its
// credential field is set prints no credential; printed after, or with
// the field set in its literal, on some path or in a loop, it does.
package structorder

import (
	"encoding/json"
	"log"
	"net/http"
)

type Config struct {
	Name  string
	Token string
}

type Outer struct {
	ID    int
	Inner Config
}

func before(n, t string) {
	cfg := Config{Name: n}
	log.Printf("%+v", cfg) // silent: Token is not set yet
	cfg.Token = t
	log.Printf("%+v", cfg) // want `structorder.Config with credential field Token is printed whole by log.Printf`
}

func literal(n, t string) {
	cfg := Config{Name: n, Token: t}
	log.Printf("%+v", cfg) // want `structorder.Config with credential field Token is printed whole by log.Printf`
}

func pointerBefore(n, t string) *Config {
	cfg := &Config{Name: n}
	log.Printf("%+v", cfg) // silent: Token is not set yet
	cfg.Token = t
	log.Printf("%+v", cfg) // want `\*structorder.Config with credential field Token is printed whole by log.Printf`
	return cfg
}

func branch(n, t string, ok bool) {
	cfg := Config{Name: n}
	if ok {
		cfg.Token = t
	}
	log.Printf("%+v", cfg) // want `structorder.Config with credential field Token is printed whole`
}

func loop(n string, ts []string) {
	cfg := Config{Name: n}
	for _, t := range ts {
		log.Printf("%+v", cfg) // want `structorder.Config with credential field Token is printed whole`
		cfg.Token = t
	}
}

func cleared(n string) {
	cfg := Config{Name: n}
	cfg.Token = ""
	log.Printf("%+v", cfg) // silent: cleared, no credential
}

func nested(n, t string) {
	o := Outer{ID: 1}
	o.Inner.Name = n
	log.Printf("%+v", o) // silent: Inner.Token is not set yet
	o.Inner.Token = t
	log.Printf("%+v", o) // want `structorder.Outer with credential field Inner.Token is printed whole`
}

func decoded(b []byte) {
	var cfg Config
	_ = json.Unmarshal(b, &cfg)
	log.Printf("%+v", cfg) // want `structorder.Config with credential field Token is printed whole`
}

func header(r *http.Request) {
	cfg := Config{Name: "svc"}
	log.Printf("%+v", cfg) // silent: Token is not set yet, whatever is stored later
	cfg.Token = r.Header.Get("Authorization")
	log.Printf("%+v", cfg) // want `credentials from the Authorization header reaches log.Printf`
}

// Masked copies print the mask.

var global Config

func masked() {
	m := global
	m.Token = "XXXXXXXX"
	log.Printf("%+v", m) // silent: the copy's Token is the mask
}

func maskedFlow(r *http.Request) {
	cfg := Config{Name: "svc", Token: r.Header.Get("Authorization")}
	m := cfg
	m.Token = "[redacted]"
	log.Printf("%+v", m) // silent: the mask replaced the header
}

func maskedSometimes(ok bool) {
	m := global
	if ok {
		m.Token = "XXXXXXXX"
	}
	log.Printf("%+v", m) // want `structorder.Config with credential field Token is printed whole`
}

func maskedThenSet(t string) {
	m := global
	m.Token = "XXXXXXXX"
	m.Token = t
	log.Printf("%+v", m) // want `structorder.Config with credential field Token is printed whole`
}

func maskedAfter() {
	m := global
	log.Printf("%+v", m) // want `structorder.Config with credential field Token is printed whole`
	m.Token = "XXXXXXXX"
	log.Printf("%+v", m) // silent: masked by now
}

// OAuth has two credential fields.
type OAuth struct {
	ClientID     string
	ClientSecret string
	AzureToken   string
}

var oauth OAuth

func maskedOne() {
	m := oauth
	m.ClientSecret = "XXXXXXXX"
	log.Printf("%+v", m) // want `structorder.OAuth with credential field AzureToken is printed whole`
}

func maskedBoth() {
	m := oauth
	m.ClientSecret = "XXXXXXXX"
	m.AzureToken = "XXXXXXXX"
	log.Printf("%+v", m) // silent: both masked
}
