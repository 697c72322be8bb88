// Package bcrypt is a stub of golang.org/x/crypto/bcrypt.
package bcrypt

const DefaultCost = 10

func GenerateFromPassword(password []byte, cost int) ([]byte, error) { return password, nil }

func CompareHashAndPassword(hashedPassword, password []byte) error { return nil }
