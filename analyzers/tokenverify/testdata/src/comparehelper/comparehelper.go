// Package comparehelper: a helper of the package that tests two of the
// values it is given with == and returns a bool compares, at each call,
// the arguments in those places (mochi's rule matcher, given a
// connecting client's password). Calls that give it no credential, a
// helper comparing in constant time, one comparing with a constant and
// one that returns no bool are left alone.
package comparehelper

import (
	"crypto/subtle"
	"strings"
)

// RString is a rule's value: a string or a wildcard.
type RString string

// Matches reports whether the rule matches a.
func (r RString) Matches(a string) bool {
	rr := string(r)
	if r == "" || r == "*" || a == rr {
		return true
	}
	i := strings.Index(rr, "*")
	return i > 0 && len(a) > i && rr[:i] == a[:i]
}

// Safe compares in constant time.
func (r RString) Safe(a string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(r)) == 1
}

// IsAny compares with a constant only.
func (r RString) IsAny(a string) bool { return a == "*" || r == "*" }

// Diff returns where two values differ: no bool, no decision.
func Diff(a, b string) int {
	if a == b {
		return -1
	}
	return 0
}

type Rule struct {
	Username RString
	Password RString
}

type Connect struct {
	Username []byte
	Password []byte
}

func Allowed(rules []Rule, pk Connect) bool {
	for _, rule := range rules {
		if rule.Username.Matches(string(pk.Username)) && rule.Password.Matches(string(pk.Password)) { // want `password in field Password compared with == inside RString.Matches`
			return true
		}
	}
	return false
}

func AllowedSafe(rules []Rule, pk Connect) bool {
	for _, rule := range rules {
		if rule.Username.Matches(string(pk.Username)) && rule.Password.Safe(string(pk.Password)) && !rule.Password.IsAny(string(pk.Password)) {
			return Diff(string(rule.Password), string(pk.Password)) < 0
		}
	}
	return false
}
