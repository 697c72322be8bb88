package session // want package:"analyzed"

// Validate authenticates and rejects writes from accounts without the
// Owner flag: a role check, exported to callers as a fact.

import (
	"errors"
	"log"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

type Account struct {
	Name  string
	Owner bool
}

func keyFunc(*jwt.Token) (interface{}, error) { return []byte("s"), nil }

func current(r *http.Request) (*Account, error) {
	if _, err := jwt.Parse(r.Header.Get("Authorization"), keyFunc); err != nil {
		return nil, err
	}
	return &Account{}, nil
}

func Validate(r *http.Request) error { // want Validate:"authenticates" Validate:"authorizes\\(role flag acc.Owner"
	acc, err := current(r)
	if err != nil {
		return err
	}
	if r.Method != http.MethodGet && !acc.Owner {
		return errors.New("read-only account")
	}
	return nil
}

func ValidateLogging(r *http.Request) error { // want ValidateLogging:"authenticates"
	acc, err := current(r)
	if err != nil {
		return err
	}
	if !acc.Owner {
		log.Printf("read-only account %s", acc.Name)
	}
	return nil
}
