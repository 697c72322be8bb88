// Package acceptlib parses request headers for acceptdeep's middleware.
package acceptlib

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
)

// ExtractBearerAuth returns the decoded key of the Authorization header.
func ExtractBearerAuth(r *http.Request) (string, error) { // want ExtractBearerAuth:`result 0 is credentials from the Authorization header`
	parts := strings.Split(r.Header.Get("Authorization"), " ")
	if len(parts) != 2 {
		return "", errors.New("no key")
	}
	b, err := base64.StdEncoding.DecodeString(parts[1])
	return string(b), err
}

// Language returns the preferred language.
func Language(r *http.Request) string {
	return r.Header.Get("Accept-Language")
}
