// Package digestvars: a local variable named like a credential that only
// ever holds a digest (a hash, KDF or MAC output, converted or
// re-encoded) is no credential; one that holds the plaintext on any path,
// or an encoding of something that is not a digest, is.
package digestvars

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

// Near misses.

func hashForConfig(pw string, docker bool) {
	passwd, err := bcrypt.GenerateFromPassword([]byte(pw), 10)
	if err != nil {
		return
	}
	passwdStr := string(passwd)
	if docker {
		passwdStr = strings.ReplaceAll(passwdStr, "$", "$$")
	}
	log.Printf("user: %s", passwdStr)
}

func tokenDigest(tok string) {
	sum := sha256.Sum256([]byte(tok))
	token := hex.EncodeToString(sum[:])
	log.Printf("token %s", token)
}

func keyDigest(apiKey string) {
	h := sha256.New()
	h.Write([]byte(apiKey))
	secret := fmt.Sprintf("%x", h.Sum(nil))
	log.Println("key", secret)
}

// Positives.

func readLine() string { return "" }

func plainOnOnePath(hash bool) {
	password := readLine()
	if hash {
		b, _ := bcrypt.GenerateFromPassword([]byte(password), 10)
		password = string(b)
	}
	log.Printf("pw %s", password) // want `password in variable password reaches log.Printf`
}

func notOnlyDigest(user string) {
	sum := sha256.Sum256([]byte(user))
	secret := fmt.Sprintf("%s:%x", randomHex(), sum)
	log.Println(secret) // want `secret in variable secret reaches log.Println`
}

func randomHex() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func encodedRandom() {
	b := make([]byte, 32)
	rand.Read(b)
	token := hex.EncodeToString(b)
	log.Println(token) // want `token in variable token reaches log.Println`
}
