// Package fields covers field sensitivity across calls, printf verbs
// that print no value, and credential-named variables that hold
// constants.
package fields

import (
	"fmt"
	"log"
	"os"
)

type keyPair struct {
	Name    string
	ID      uint8
	signing []byte
}

// loadKeyPair returns a struct whose signing field holds a credential
// and whose other fields do not.
func loadKeyPair(name string) (keyPair, error) {
	kp := keyPair{Name: name, ID: 7}
	kp.signing = []byte(os.Getenv("SIGNING_SECRET"))
	return kp, nil
}

type client struct {
	base  string
	token string
}

func newClient(base string) *client {
	c := &client{base: base}
	c.token = os.Getenv("API_TOKEN")
	return c
}

func withKey(name string, key []byte) keyPair {
	return keyPair{Name: name, signing: key}
}

func fieldsOfResults() error {
	kp, err := loadKeyPair("default")
	if err != nil {
		return err
	}
	log.Printf("loaded key pair %s (id %d)", kp.Name, kp.ID) // silent: the name and id, not the signing secret beside them
	log.Printf("signing key %s", kp.signing)                 // want `secret from environment variable SIGNING_SECRET returned by loadKeyPair reaches log.Printf`
	c := newClient("https://api.example.com")
	log.Printf("client for %s", c.base)    // silent: the base URL of a client that also holds a token
	log.Printf("client token %s", c.token) // want `token from environment variable API_TOKEN returned by newClient reaches log.Printf`
	other := withKey("rotated", []byte(os.Getenv("SIGNING_SECRET")))
	log.Printf("rotated %s", other.Name) // silent: the key went into another field
	return nil
}

type dbConfig struct {
	Host     string
	Password string
}

func verbs(cfg dbConfig, err error) error {
	log.Printf("unexpected config type %T", cfg)      // silent: %T prints the type only
	log.Printf("config at %p: %v", &cfg, cfg)         // want `fields.dbConfig with credential field Password is printed whole by log.Printf`
	log.Printf("%T %s", cfg.Password, cfg.Host)       // silent: the password's type and the host
	return fmt.Errorf("decode into %T: %w", cfg, err) // silent: the type of the config, not its fields
}

// sampleTokens are fake values a validator logs when they stop
// matching: constants already in the source (hardcodedcred's business).
var sampleTokens = []string{"tok_sample_0000000000", "tok_sample_1111111111"}

// sessionSecret is set at start-up: not a constant.
var sessionSecret = "dev"

func configure(v string) { sessionSecret = v }

func validate(match func(string) bool) {
	for _, t := range sampleTokens {
		if !match(t) {
			log.Printf("sample %s not matched", sampleTokens[0]) // silent: a constant sample value
		}
	}
	log.Printf("session secret %s", sessionSecret) // want `secret in package variable sessionSecret reaches log.Printf`
}

// envSettings returns a settings map with one credential entry.
func envSettings() map[string]string {
	return map[string]string{
		"host":     os.Getenv("DB_HOST"),
		"password": os.Getenv("DB_PASSWORD"),
	}
}

func useSettings() {
	s := envSettings()
	log.Printf("connecting to %s", s["host"]) // silent: another entry than the password
	log.Printf("with %s", s["password"])      // want `password from environment variable DB_PASSWORD returned by envSettings reaches log.Printf`
	go func() {
		log.Printf("still connecting to %s", s["host"]) // silent: the map is captured, the entry is still not the password
	}()
	for name := range s {
		log.Printf("setting %s is set", name) // silent: the keys are names
	}
	for _, v := range s {
		log.Printf("value %s", v) // want `password from environment variable DB_PASSWORD returned by envSettings reaches log.Printf`
	}
}
