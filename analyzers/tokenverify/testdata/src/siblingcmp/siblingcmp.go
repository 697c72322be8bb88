// Package siblingcmp: two credential fields of one value compared with
// each other (two keys of one configuration that must differ, a
// password and its confirmation in one form) is a consistency check:
// neither is presented against the other. A field of one value compared
// with a field of another (a presented key against a configured one)
// still is a credential comparison.
package siblingcmp

import (
	"errors"
	"net/http"
)

type SessionConfig struct {
	EncryptionKey        string
	RefreshEncryptionKey string
}

type Config struct {
	Session SessionConfig
	APIKey  string
}

func (c *Config) GetSession() *SessionConfig { return &c.Session }

type Signup struct {
	Password        string
	PasswordConfirm string
}

// Near misses.

// CheckConfig refuses a configuration whose two keys are the same.
func CheckConfig(c *Config) error {
	if c.GetSession().EncryptionKey == c.GetSession().RefreshEncryptionKey {
		return errors.New("the encryption key and the refresh encryption key must differ")
	}
	if c.Session.EncryptionKey == c.Session.RefreshEncryptionKey {
		return errors.New("the encryption key and the refresh encryption key must differ")
	}
	return nil
}

// Validate refuses a form whose password and confirmation differ.
func (s *Signup) Validate() error {
	if s.Password != s.PasswordConfirm {
		return errors.New("the passwords do not match")
	}
	return nil
}

// Positives.

// Check compares the request's key with the configuration's.
func Check(c *Config, r *http.Request) bool {
	return r.Header.Get("X-API-Key") == c.APIKey // want `compared with ==`
}

// CheckSession compares the request's key with a field of the
// configuration's session settings: two roots.
func CheckSession(c *Config, r *http.Request) bool {
	return r.Header.Get("X-Session-Key") != c.GetSession().EncryptionKey // want `compared with !=`
}
