// Package accounthash: an account whose password field holds the hash of
// a fixed password made in the same function is a default account; the
// password is reported where it is written. A hash of a value read at
// run time, and a hash kept out of any account, are not.
package accounthash

import (
	"os"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/bcrypt"
)

type User struct {
	Username string
	Password string
	Role     string
}

type Admin struct {
	Login        string
	PasswordHash []byte
}

const DefaultRootPassword = "dragonfly" // want `default account credentials \(user "root"\)`

func seedAdmin() User {
	hash, _ := bcrypt.GenerateFromPassword([]byte("nezha"), bcrypt.DefaultCost) // want `default account credentials \(user "admin"\)`
	return User{Username: "admin", Password: string(hash), Role: "admin"}
}

func seedRoot() *User {
	hash, err := bcrypt.GenerateFromPassword([]byte(DefaultRootPassword), bcrypt.DefaultCost)
	if err != nil {
		return nil
	}
	return &User{Username: "root", Password: string(hash)}
}

func seedArgon(salt []byte) Admin {
	key := argon2.IDKey([]byte("changeme"), salt, 1, 64*1024, 4, 32) // want `default account credentials \(user "owner"\)`
	return Admin{Login: "owner", PasswordHash: key}
}

// Near misses.

// The password comes from the environment.
func seedFromEnv() User {
	hash, _ := bcrypt.GenerateFromPassword([]byte(os.Getenv("ADMIN_PASSWORD")), bcrypt.DefaultCost)
	return User{Username: "admin", Password: string(hash)}
}

// A dummy hash that evens out the time of a failed login: in no account.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("timing-dummy"), bcrypt.DefaultCost)

func checkUnknown(pw string) error { return bcrypt.CompareHashAndPassword(dummyHash, []byte(pw)) }

// The hash variable is also given a value read at run time.
func maybeDefault(pw string) User {
	hash, _ := bcrypt.GenerateFromPassword([]byte("admin"), bcrypt.DefaultCost)
	if pw != "" {
		hash, _ = bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	}
	return User{Username: "admin", Password: string(hash)}
}

// No user name and no creating call: a hash of a constant alone.
func hashOnly() User {
	hash, _ := bcrypt.GenerateFromPassword([]byte("nezha-pw"), bcrypt.DefaultCost)
	return User{Password: string(hash)}
}
