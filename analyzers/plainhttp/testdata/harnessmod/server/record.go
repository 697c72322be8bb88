package server

import (
	"crypto/tls"
	"net/http/httptest"
)

// Buffered uses httptest's recorder to buffer a response: production.
func Buffered() (*httptest.ResponseRecorder, *tls.Config) {
	return httptest.NewRecorder(), &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify`
}
