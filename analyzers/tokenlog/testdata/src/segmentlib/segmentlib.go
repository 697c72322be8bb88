// Package segmentlib checks signed cookies for other packages: what it
// returns crosses the package boundary as a fact.
package segmentlib

import (
	"crypto/hmac"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
)

// ValidateCookie returns the e-mail part of "mac|email" once the MAC
// matched.
func ValidateCookie(c *http.Cookie, expected []byte) (string, error) {
	parts := strings.Split(c.Value, "|")
	if len(parts) != 2 {
		return "", errors.New("invalid cookie")
	}
	mac, err := base64.URLEncoding.DecodeString(parts[0])
	if err != nil || !hmac.Equal(mac, expected) {
		return "", errors.New("invalid mac")
	}
	return parts[1], nil
}

// CookieMAC returns the MAC part itself, unchecked.
func CookieMAC(c *http.Cookie) string { // want CookieMAC:`result 0 is cookie value`
	return strings.Split(c.Value, "|")[0]
}
