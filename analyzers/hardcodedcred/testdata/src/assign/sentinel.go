package assign

import (
	"crypto/rand"
	"encoding/hex"
)

type seedUser struct {
	Username string
	Password string
}

func randomPassword() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Near miss: a bracketed word in seed data asks for a generated
// password; it is a marker, not a password.
func seedPassword(u seedUser) string {
	passwd := u.Password
	if passwd == "(random)" {
		passwd = randomPassword()
	}
	return passwd
}

// Positive: brackets around a real password do not make it a marker.
func backdoor(u seedUser) bool {
	return u.Password == "(r4nd0m!Xq)" // want `value compared with password Password is a string literal`
}

// Near miss: a dollar directive asks for the key from the environment
// (nuclio's v3io stream trigger).
func streamPassword(u seedUser) string {
	if u.Password == "$generate" {
		return randomPassword()
	}
	return u.Password
}

// Positive: a password that starts with a dollar sign is still one.
func dollarBackdoor(u seedUser) bool {
	return u.Password == "$Kq9!xR2m" // want `value compared with password Password is a string literal`
}
