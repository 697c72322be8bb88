// Package overwrite replaces a credential parameter captured by a
// closure with its digest before anything else sees it (the digest is
// logged: silent), beside near misses where the credential itself is
// still seen: logged before the overwrite, read by a closure made before
// it, overwritten on one branch only.
package overwrite

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log"
)

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func transaction(fn func() error) error { return fn() }

var rows = map[string]string{}

func find(key string) error {
	if _, ok := rows[key]; !ok {
		return errors.New("not found")
	}
	return nil
}

func UserByToken(token string) error {
	token = hashToken(token)
	if err := transaction(func() error { return find(token) }); err != nil {
		log.Printf("failed to find user by token %s: %v", token, err)
		return err
	}
	return nil
}

func LoggedFirst(token string) error { // want LoggedFirst:`param 0 reaches log.Printf \(own sink\)`
	log.Printf("looking up %s", token) // want `reaches log.Printf`
	token = hashToken(token)
	return transaction(func() error { return find(token) })
}

func ClosureFirst(token string) error {
	logIt := func() { log.Printf("token %s", token) } // want `reaches log.Printf`
	logIt()
	token = hashToken(token)
	return transaction(func() error { return find(token) })
}

func OneBranch(token string, hashed bool) error { // want OneBranch:`param 0 reaches log.Printf \(own sink\)`
	if !hashed {
		token = hashToken(token)
	}
	err := transaction(func() error { return find(token) })
	if err != nil {
		log.Printf("lookup of %s: %v", token, err) // want `reaches log.Printf`
	}
	return err
}
