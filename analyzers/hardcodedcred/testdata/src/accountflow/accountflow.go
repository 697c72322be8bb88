// Package accountflow is the fixture of the default-account rule's
// field-by-field and call-argument forms (accountflow.go).
package accountflow

import (
	"os"

	"accountlib"
)

type Account struct {
	Username string
	Password string
}

type Store struct{}

func (s *Store) Save(a *Account) error { return nil }

type DBConfig struct {
	User     string
	Password string
}

func connect(c DBConfig) error { return nil }

// addUser stores its password in an account it saves.
func (s *Store) addUser(name, password string) error {
	a := &Account{Username: name, Password: password}
	return s.Save(a)
}

// --- positives ---

// Written field by field, then saved.
func seed(s *Store) error {
	var a Account
	a.Username = "admin"
	a.Password = "admin" // want `default account credentials \(user "admin"\): an account created by Save with a fixed password`
	return s.Save(&a)
}

// Field by field on an account type, never visibly saved.
func defaultOwner() *Account {
	u := new(Account)
	u.Username = "owner"
	u.Password = "changeme" // want `default account credentials \(user "owner"\): a username and a fixed password set on one account`
	return u
}

// Literal arguments to a function of this package that stores them.
func bootstrap(s *Store) error {
	return s.addUser("root", "toor") // want `default account credentials \(user "root"\): an account created by addUser with a fixed password`
}

// Literal arguments to another package's function (accountFact).
func firstRun(db *accountlib.DB) error {
	return db.CreateUser("admin", "letmein") // want `default account credentials \(user "admin"\): an account created by CreateUser`
}

// Through a function that hands the password on.
func install(db *accountlib.DB) error {
	return accountlib.EnsureAdmin(db, "password") // want `an account created by EnsureAdmin`
}

// --- near misses ---

// silent: the password comes from the environment.
func fromEnv(db *accountlib.DB) error {
	return db.CreateUser("admin", os.Getenv("ADMIN_PASSWORD"))
}

// silent: an environment variable's name, and a placeholder.
func names(db *accountlib.DB) error {
	if err := db.CreateUser("admin", "ADMIN_PASSWORD"); err != nil {
		return err
	}
	return db.CreateUser("admin", "<password>")
}

// silent: Login checks a password, it creates nothing.
func check(db *accountlib.DB) bool {
	return db.Login("admin", "admin")
}

// silent: the second argument is stored, but as no password.
func message(db *accountlib.DB) error {
	return db.SetMessage("admin", "welcome")
}

// silent: a test-data helper.
func seedFakeUsers(db *accountlib.DB) error {
	return db.CreateUser("alice", "alicepw")
}

// silent: a database client's config filled field by field is no
// account the program creates (the assignment rule judges such values).
func dial() error {
	var c DBConfig
	c.User = "postgres"
	c.Password = "postgres"
	return connect(c)
}

// silent: a test account variable.
func testAccount(s *Store) error {
	var fakeAdmin Account
	fakeAdmin.Username = "admin"
	fakeAdmin.Password = "admin"
	return s.Save(&fakeAdmin)
}

// silent: the password is read at run time.
func runtimePassword(s *Store) error {
	var a Account
	a.Username = "admin"
	a.Password = os.Getenv("ADMIN_PASSWORD")
	return s.Save(&a)
}
