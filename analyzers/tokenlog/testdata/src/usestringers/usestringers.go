// Package usestringers prints the credential types of package
// stringers, whose String methods are known here by their facts.
package usestringers

import (
	"log"
	"log/slog"
	"net/http"

	"stringers"
)

type Config struct {
	Key    stringers.APIKey
	Pass   stringers.Password
	Secret *stringers.Secret
	Creds  stringers.Credentials
	Login  stringers.Login
	Name   string
}

func logConfig(cfg *Config, lex stringers.LexToken) {
	log.Printf("key %s", cfg.Key)             // want `API key of type stringers.APIKey reaches log.Printf`
	slog.Info("cfg", "key", cfg.Key.String()) // want `API key of type stringers.APIKey reaches slog.Info`
	log.Printf("pass %s", cfg.Pass)           // silent: String redacts (no fact)
	log.Printf("secret %v", cfg.Secret)       // want `secret of type stringers.Secret shown by its String method reaches log.Printf`
	log.Printf("creds %v", cfg.Creds)         // want `credential of type stringers.Credentials shown by its String method reaches log.Printf`
	log.Printf("login %v", cfg.Login)         // silent: String shows the user only
	log.Printf("name %s", cfg.Name)           // silent
	log.Printf("token %s", lex)               // silent: a lexer's token
}

func handler(w http.ResponseWriter, r *http.Request) {
	o := stringers.FromRequest(r)
	log.Printf("auth %s", o) // silent: Opaque's String is assumed to hide what it holds (no fact: its type has no secret part)
}
