// Package bcrypt is a stub of golang.org/x/crypto/bcrypt for tests.
package bcrypt

func CompareHashAndPassword(hashedPassword, password []byte) error { return nil }
