// Package fallbackpw: an account created with a configured password that
// falls back to a fixed one when the setting is unset is a default
// account (CWE-1392): every installation that leaves it unset shares
// the password. A fallback that is generated, a placeholder, or a
// variable that never holds a literal is not.
package fallbackpw

import (
	"crypto/rand"
	"encoding/hex"
	"os"
)

type User struct {
	Username string
	Password string
	Admin    bool
}

func (u *User) Create() error { return nil }

func SaveUser(u User) error { return nil }

func createAdmin() error {
	user := os.Getenv("ADMIN_USER")
	pass := os.Getenv("ADMIN_PASSWORD")
	if user == "" || pass == "" {
		user = "admin"
		pass = "admin" // want `default account credentials: an account created by Create with a fixed password`
	}
	admin := &User{Username: user, Password: pass, Admin: true}
	return admin.Create()
}

func createOperator() error {
	pw := os.Getenv("OPERATOR_PASSWORD")
	if pw == "" {
		pw = "changeme" // want `default account credentials: an account created by SaveUser with a fixed password`
	}
	return SaveUser(User{Username: os.Getenv("OPERATOR"), Password: pw})
}

// --- silent ---

func createGenerated() error {
	pw := os.Getenv("ADMIN_PASSWORD")
	if pw == "" {
		b := make([]byte, 16)
		rand.Read(b)
		pw = hex.EncodeToString(b) // a random password, not a shared one
	}
	return SaveUser(User{Username: "admin", Password: pw})
}

func createPlaceholder() error {
	pw := os.Getenv("ADMIN_PASSWORD")
	if pw == "" {
		pw = "<set ADMIN_PASSWORD>" // a placeholder
	}
	return SaveUser(User{Username: "admin", Password: pw})
}

func createFromEnv() error {
	pw := os.Getenv("ADMIN_PASSWORD")
	u := &User{Username: "admin", Password: pw} // never a literal
	return u.Create()
}

// A client's configuration with a fallback is no account being created.
type dbConfig struct {
	User     string
	Password string
}

func connect() dbConfig {
	pw := os.Getenv("DB_PASSWORD")
	if pw == "" {
		pw = "postgres"
	}
	return dbConfig{User: "app", Password: pw}
}
