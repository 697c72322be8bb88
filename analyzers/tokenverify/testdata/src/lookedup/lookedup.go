// Package lookedup compares values of records that a storage function
// loaded. A record a function loads through a connection or store it is
// handed is the store's content, even when the key it was found by came
// from the caller: comparing two loaded records tells the caller
// nothing.
package lookedup

import (
	"errors"

	"lookedup/models"
)

// Params is what the caller sent.
type Params struct {
	RefreshToken string
	ID           string
}

// Near miss: the row was found by the caller's token, and its token is
// compared with the parent recorded on another loaded row. Neither side
// is the caller's value.
func Refresh(tx *models.Conn, params *Params) error {
	tok, sess, err := models.FindRefreshToken(tx, params.RefreshToken)
	if err != nil {
		return err
	}
	active, err := sess.ActiveToken(tx)
	if err != nil {
		return err
	}
	if tok.Revoked && active.Parent == tok.Token {
		return nil
	}
	return errors.New("revoked")
}

// Near miss: the same through an interface value asserted to the row.
func RefreshAny(tx *models.Conn, params *Params) error {
	var anyToken any
	tok, sess, err := models.FindRefreshToken(tx, params.RefreshToken)
	if err != nil {
		return err
	}
	anyToken = tok
	active, err := sess.ActiveToken(tx)
	if err != nil {
		return err
	}
	if t, ok := anyToken.(*models.RefreshToken); ok && active.Parent != t.Token {
		return errors.New("revoked")
	}
	return nil
}

// Positive: the caller's token is compared with a row loaded by id.
func Check(tx *models.Conn, params *Params) error {
	row, err := models.FindByID(tx, params.ID)
	if err != nil {
		return err
	}
	if row.Token != params.RefreshToken { // want `compared with !=`
		return errors.New("bad token")
	}
	return nil
}

// basic is a decoded credential pair.
type basic struct{ User, Password string }

// decode splits a user:password pair; it loads nothing.
func decode(s string) basic {
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return basic{User: s[:i], Password: s[i+1:]}
		}
	}
	return basic{}
}

// Positive: a record decoded from the caller's value (no connection or
// store involved) still carries the caller's value.
func Login(tx *models.Conn, header string) error {
	creds := decode(header)
	row, err := models.FindByID(tx, creds.User)
	if err != nil {
		return err
	}
	if creds.Password != row.Token { // want `compared with !=`
		return errors.New("bad password")
	}
	return nil
}
