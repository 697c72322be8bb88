// Package derivedcmp: the expected value a presented token is checked
// against is often computed from a stored secret (Subsonic's
// t = md5(password + salt), an encoding of a stored key). A value
// computed by a plain function from a stored secret is itself stored and
// secret: compared with == against what the caller supplied, the time
// taken leaks it byte by byte. Near misses: a value computed from a
// stored field that is no secret, two stored values compared with each
// other, and a constant-time comparison.
package derivedcmp

import (
	"crypto/md5"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
)

type User struct {
	Name     string
	Password string
	Secret   string
}

var errInvalid = errors.New("invalid credentials")

// --- positives ---

// validateToken is Subsonic's token authentication.
func validateToken(user *User, token, salt string) error {
	t := fmt.Sprintf("%x", md5.Sum([]byte(user.Password+salt)))
	valid := t == token // want `compared with ==`
	if !valid {
		return errInvalid
	}
	return nil
}

// checkEncoded compares an encoding of the stored secret.
func checkEncoded(u *User, presented string) bool {
	want := base64.StdEncoding.EncodeToString([]byte(u.Secret))
	if want != presented { // want `compared with !=`
		return false
	}
	return true
}

// --- near misses ---

// greeting: computed from a stored field that is no secret.
func greeting(user *User, token, salt string) error {
	t := fmt.Sprintf("%x", md5.Sum([]byte(user.Name+salt)))
	if t != token { // silent: the stored side names no secret
		return errInvalid
	}
	return nil
}

// changed: two stored values, nothing supplied by a caller.
func changed(old, cur *User) bool {
	a := fmt.Sprintf("%x", md5.Sum([]byte(old.Password)))
	b := fmt.Sprintf("%x", md5.Sum([]byte(cur.Password)))
	if a != b { // silent: neither side is supplied
		return true
	}
	return false
}

// constantTime compares in constant time.
func constantTime(user *User, token, salt string) error {
	t := fmt.Sprintf("%x", md5.Sum([]byte(user.Password+salt)))
	if subtle.ConstantTimeCompare([]byte(t), []byte(token)) != 1 { // silent: constant time
		return errInvalid
	}
	return nil
}
