// Package digestlib is a shared helper package: hash helpers of every
// shape a utils package has, and near misses that are no digest.
package digestlib

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
)

// Md5sum hashes in steps into a named result, with an error.
func Md5sum(str string) (md5sum string, err error) { // want Md5sum:"digest result"
	h := md5.New()
	_, err = io.WriteString(h, str)
	if err != nil {
		return
	}
	md5sum = fmt.Sprintf("%x", h.Sum(nil))
	return
}

// SHA256Hex returns the digest or an error.
func SHA256Hex(s string) (string, error) { // want SHA256Hex:"digest result"
	if s == "" {
		return "", fmt.Errorf("empty")
	}
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:]), nil
}

// Hash has one result.
func Hash(s string) string { // want Hash:"digest result"
	h := sha256.New()
	h.Write([]byte(s))
	return hex.EncodeToString(h.Sum(nil))
}

// Near misses.

// Sign is a MAC: keyed, no digest.
func Sign(key []byte, s string) (string, error) { // want Sign:"HMAC result"
	m := hmac.New(sha256.New, key)
	m.Write([]byte(s))
	return hex.EncodeToString(m.Sum(nil)), nil
}

// Normalize hands its input back on one path.
func Normalize(s string) (string, error) {
	if len(s) < 64 {
		return s, nil
	}
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:]), nil
}
