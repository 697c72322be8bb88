package compare

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
)

// Change detection (issue 15, class 7): the same credential field of
// two values of one type, a record before and after an update, tells
// whether the secret changed; nobody supplies a guess to compare.

type Collection struct {
	Name   string `json:"name"`
	Secret string `json:"secret"`
}

type collections interface{ Find(name string) *Collection }

// silent: a cached copy against the saved one, to drop sessions when
// the signing secret was rotated.
func rotated(s collections, saved *Collection, drop func() error) error {
	cached := s.Find(saved.Name)
	if cached != nil && cached.Secret != saved.Secret {
		return drop()
	}
	return nil
}

// silent: an old and a new configuration value of one type.
func changed(old, cur Collection) bool {
	return old.Secret != cur.Secret
}

// A value decoded from the request into the same type is a guess.
func presented(r *http.Request, s collections) error {
	var c Collection
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		return err
	}
	stored := s.Find(c.Name)
	if stored.Secret != requestCollection(r).Secret { // want `secret in field Secret compared with !=`
		return errors.New("denied")
	}
	return nil
}

func requestCollection(r *http.Request) Collection {
	var c Collection
	_ = json.NewDecoder(r.Body).Decode(&c)
	return c
}

// silent: the constant-time form.
func presentedSafe(r *http.Request, s collections) bool {
	c := requestCollection(r)
	return subtle.ConstantTimeCompare([]byte(s.Find(c.Name).Secret), []byte(c.Secret)) == 1
}

// An update made only when the value changed: the branch writes the new
// secret into the record it was compared with.

type secrets interface {
	UpdateField(u *account, column, value string) error
}

// silent: the new client secret is stored when it differs.
func setClientSecret(db secrets, u *account, secret string) error {
	if secret != u.ClientSecret {
		if err := db.UpdateField(u, "client_secret", secret); err != nil {
			return err
		}
	}
	return nil
}

// silent: assigned into the compared field.
func rotatePassword(u *account, password string) {
	if password != u.Password {
		u.Password = password
	}
}

// A refusal that records the attempt is still a check.
func confirmPassword(db secrets, u *account, password string) error {
	if password != u.Password { // want `password in variable password compared with !=`
		_ = db.UpdateField(u, "failed_password", password)
		return errDenied
	}
	return nil
}

// A branch that clears the field and refuses is still a check.
func resetOnFailure(u *account, password string) error {
	if password != u.Password { // want `password in variable password compared with !=`
		u.Password = ""
		return errDenied
	}
	return nil
}
