// Package argon2 is a stub of golang.org/x/crypto/argon2.
package argon2

func IDKey(password, salt []byte, time, memory uint32, threads uint8, keyLen uint32) []byte {
	return password
}
