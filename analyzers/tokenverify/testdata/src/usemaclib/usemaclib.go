// Package usemaclib checks request signatures with maclib's helpers.
package usemaclib

import (
	"net/http"

	"maclib"
)

type header struct {
	Key       []byte
	Signature string
	Checksum  string
}

// signed compares the presented signature with the HMAC maclib computes:
// variable time.
func signed(r *http.Request, h header, content string) bool {
	expected := maclib.HmacBase64(h.Key, content)
	if h.Signature == expected { // want `HMAC from maclib.HmacBase64 compared with ==`
		return true
	}
	return false
}

// checksum compares an unkeyed digest of the body: an integrity check,
// no secret to guess.
func checksum(h header, content string) bool {
	if h.Checksum == maclib.Sha256Hex(content) {
		return true
	}
	return false
}

// sameMAC compares two MACs the program computed itself (the
// double-HMAC comparison): the caller cannot steer their bytes.
func sameMAC(key []byte, a, b string) bool {
	return maclib.HmacBase64(key, a) == maclib.HmacBase64(key, b)
}
