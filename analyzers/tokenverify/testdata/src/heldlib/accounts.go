package heldlib

import "strings"

// Account is a Basic-auth account the program keeps.
type Account struct {
	Username string
	Password string
}

var accounts = map[string]*Account{}

// GetAccount looks an account up by name: the record is the program's,
// whoever chose the name.
func GetAccount(name string) *Account { // want GetAccount:"held results"
	return accounts[name]
}

// ParseAccount builds an account from a user:password pair: the record
// is what it was given, not one the program keeps.
func ParseAccount(pair string) *Account {
	u, p, _ := strings.Cut(pair, ":")
	return &Account{Username: u, Password: p}
}
