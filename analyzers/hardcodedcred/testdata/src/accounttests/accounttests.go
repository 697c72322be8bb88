// Package accounttests: the default-account rule (account.go,
// accountflow.go) leaves test-support code alone by authvet's one
// definition (internal/testsupport), the one the lint driver and the
// other analyzers use, not by the _test.go suffix alone: a file named
// as fixtures or a double, or a function taking a testing type, seeds a
// test's database, not a deployment's. Production code, and a file
// whose name only contains a test word (latest.go), are still reported.
package accounttests

import "testing"

type Account struct {
	Username string
	Password string
}

type Store struct{}

func (s *Store) SaveUser(a *Account) error { return nil }

// addUser stores its password in an account it saves.
func (s *Store) addUser(name, password string) error {
	return s.SaveUser(&Account{Username: name, Password: password})
}

// --- positives: production code ---

func seedAdmin(s *Store) {
	_ = s.SaveUser(&Account{Username: "admin", Password: "admin"}) // want `default account credentials \(user "admin"\): an account created by SaveUser`
}

func bootstrap(s *Store) error {
	return s.addUser("root", "toor") // want `default account credentials \(user "root"\): an account created by addUser with a fixed password`
}

func defaultOwner() *Account {
	u := new(Account)
	u.Username = "owner"
	u.Password = "changeme" // want `default account credentials \(user "owner"\): a username and a fixed password set on one account`
	return u
}

// --- near misses: functions taking a testing type ---

func seedDB(t *testing.T, s *Store) {
	t.Helper()
	_ = s.SaveUser(&Account{Username: "admin", Password: "admin"})
	_ = s.addUser("root", "toor")
}

func benchOwner(b *testing.B) *Account {
	u := new(Account)
	u.Username = "owner"
	u.Password = "changeme"
	return u
}
