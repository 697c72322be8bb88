package server

import (
	"crypto/tls"

	"github.com/acme/contest"
)

// Scored imports a library named like a word ending in "test": production.
func Scored(s string) (int, *tls.Config) {
	return contest.Score(s), &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify`
}
