// Package macconcat: a MAC computed with crypto/hmac and then
// concatenated with something else (an expiry, a prefix) is still the
// MAC; comparing the whole string with == or != leaks it byte by byte.
// Near misses: the constant-time compare, a content digest (no key),
// and strings only named like credentials.
package macconcat

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io"
	"strconv"
	"strings"
)

var errSign = errors.New("invalid sign")

type HMACAuth struct {
	SecretKey []byte
}

// Sign returns the MAC of body with its expiry appended.
func (a HMACAuth) Sign(body string, expires int64) string { // want Sign:"HMAC result"
	h := hmac.New(sha256.New, a.SecretKey)
	ts := strconv.FormatInt(expires, 10)
	if _, err := io.WriteString(h, body+":"+ts); err != nil {
		return ""
	}
	return base64.URLEncoding.EncodeToString(h.Sum(nil)) + ":" + ts
}

// Check: the presented signature compared with the computed one.
func (a HMACAuth) Check(body, sign string) error {
	parts := strings.Split(sign, ":")
	exp, err := strconv.ParseInt(parts[len(parts)-1], 10, 64)
	if err != nil {
		return err
	}
	if a.Sign(body, exp) != sign { // want `HMAC from Sign compared with !=`
		return errSign
	}
	return nil
}

// CheckSafe: the same with hmac.Equal. Near miss.
func (a HMACAuth) CheckSafe(body, sign string) error {
	parts := strings.Split(sign, ":")
	exp, err := strconv.ParseInt(parts[len(parts)-1], 10, 64)
	if err != nil {
		return err
	}
	if !hmac.Equal([]byte(a.Sign(body, exp)), []byte(sign)) {
		return errSign
	}
	return nil
}

// VerifyLink: a prefix in front of the MAC, built in place.
func VerifyLink(key []byte, path, given string) bool {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(path))
	expected := "v1." + hex.EncodeToString(m.Sum(nil))
	if expected == given { // want `HMAC compared with ==`
		return true
	}
	return false
}

// SameETag: a content digest with a suffix (no key, nothing secret).
// Near miss.
func SameETag(body []byte, version int, etag string) bool {
	sum := sha256.Sum256(body)
	tag := hex.EncodeToString(sum[:]) + "-" + strconv.Itoa(version)
	if tag == etag {
		return true
	}
	return false
}

type entry struct{ Key string }

// CacheHit: a string built from a token-named value, compared with a
// cache entry's key. Only a name says credential: near miss.
func CacheHit(e entry, tokenID string) bool {
	if "token:"+tokenID == e.Key {
		return true
	}
	return false
}
