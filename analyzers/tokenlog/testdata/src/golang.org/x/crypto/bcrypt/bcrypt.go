// Package bcrypt is a stub of golang.org/x/crypto/bcrypt.
package bcrypt

func CompareHashAndPassword(hashedPassword, password []byte) error { return nil }

func GenerateFromPassword(password []byte, cost int) ([]byte, error) { return nil, nil }
