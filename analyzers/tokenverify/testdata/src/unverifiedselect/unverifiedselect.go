// Package unverifiedselect: in a request handler, an identity claim of a
// token parsed without verification that picks the data served or
// changed (a map index, a lookup of the package) lets whoever writes the
// claim choose it. A routing claim that picks the key, a claim only
// logged, and a function that serves no request are left alone.
package unverifiedselect

import (
	"log"
	"net/http"
	"strconv"
	"strings"

	jwt "github.com/lestrrat-go/jwx/v2/jwt"
)

type org struct{ Credits int }

type gateway struct{ orgs map[string]*org }

func (g *gateway) org(id string) *org { return g.orgs[id] }

var credits = map[string]int{}

func bearer(r *http.Request) []byte {
	return []byte(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
}

// Positives.

func (g *gateway) usage(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.ParseInsecure(bearer(r)) // want `claims of a token parsed with jwt.ParseInsecure without verifying its signature select what the handler serves`
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	id, _ := tok.PrivateClaims()["org_id"].(string)
	w.Write([]byte(strconv.Itoa(g.org(id).Credits)))
}

func balance(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.ParseInsecure(bearer(r)) // want `claims of a token parsed with jwt.ParseInsecure without verifying its signature select what the handler serves`
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.Write([]byte(strconv.Itoa(credits[tok.Subject()])))
}

// Near misses.

// audit only logs who the token says it is.
func audit(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.ParseInsecure(bearer(r))
	if err != nil {
		return
	}
	log.Printf("request from %s", tok.Subject())
}

// issuerOf reads the routing claim to pick a key.
func issuerOf(w http.ResponseWriter, r *http.Request, keys map[string][]byte) {
	tok, err := jwt.ParseInsecure(bearer(r))
	if err != nil {
		return
	}
	_ = keys[tok.Issuer()]
}

// cliBalance serves no request: a command reading its own stored token.
func (g *gateway) cliBalance(raw string) int {
	tok, err := jwt.ParseInsecure([]byte(raw))
	if err != nil {
		return 0
	}
	id, _ := tok.PrivateClaims()["org_id"].(string)
	_ = g.org(id)
	return 0
}
