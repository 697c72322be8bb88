// Package models is a storage layer: functions take a connection and
// return the records they load.
package models

import "errors"

// Conn is a database connection.
type Conn struct{ rows map[string]*RefreshToken }

// RefreshToken is a stored refresh token.
type RefreshToken struct {
	Token   string
	Parent  string
	Revoked bool
}

// Session is a stored session.
type Session struct {
	ID     string
	Active string
}

// FindRefreshToken loads the token row whose value is token, with its
// session.
func FindRefreshToken(tx *Conn, token string) (*RefreshToken, *Session, error) {
	rt, ok := tx.rows[token]
	if !ok {
		return nil, nil, errors.New("not found")
	}
	return rt, &Session{ID: rt.Parent}, nil
}

// FindByID loads a token row by its id.
func FindByID(tx *Conn, id string) (*RefreshToken, error) {
	rt, ok := tx.rows[id]
	if !ok {
		return nil, errors.New("not found")
	}
	return rt, nil
}

// ActiveToken loads the session's current refresh token.
func (s *Session) ActiveToken(tx *Conn) (*RefreshToken, error) {
	return FindByID(tx, s.Active)
}
