// Package accountlib creates accounts for another package: its
// CreateUser stores the password parameter (hashed), so a literal
// argument is reported at the caller through an accountFact.
package accountlib

import "crypto/sha256"

type User struct {
	Name         string
	PasswordHash []byte
	Admin        bool
}

type DB struct{ users []User }

func (db *DB) Insert(u *User) error { db.users = append(db.users, *u); return nil }

// CreateUser hashes and stores the password.
func (db *DB) CreateUser(name, password string) error { // want CreateUser:"stores password param 1"
	h := sha256.Sum256([]byte(password))
	return db.Insert(&User{Name: name, PasswordHash: h[:]})
}

// EnsureAdmin hands its password on to CreateUser.
func EnsureAdmin(db *DB, pass string) error { // want EnsureAdmin:"stores password param 1"
	return db.CreateUser("admin", pass)
}

// Login checks a password; it stores nothing.
func (db *DB) Login(name, password string) bool {
	return len(db.users) > 0 && name != "" && password != ""
}

// SetMessage stores a string that is no password.
func (db *DB) SetMessage(name, text string) error {
	return db.Insert(&User{Name: text})
}
