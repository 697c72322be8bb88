package discarded // want package:"analyzed"

// A verifier whose error result is thrown away decides nothing about
// the caller: a token that fails changes nothing the function does.
// Decoding a stored record's token for display is no authentication.
// The same verifier run on the request's token, or with its error
// checked, still authenticates the caller.

import (
	"encoding/json"
	"net/http"
	"strings"

	"example.com/accjwt"
	"github.com/golang-jwt/jwt/v5"
)

type account struct {
	Name string
	JWT  string
}

type info struct {
	Name   string
	Claims jwt.Claims
}

var (
	accounts = map[string]*account{}
	hits     = map[string]int{}
)

func keyFunc(*jwt.Token) (interface{}, error) { return []byte("k"), nil }

// describe decodes an account's stored token to show its claims; the
// error is ignored (nats-server's accountInfo).
func describe(name string) *info {
	a := accounts[name]
	if a == nil {
		return nil
	}
	out := &info{Name: a.Name}
	tok, _ := jwt.Parse(a.JWT, keyFunc) // ignore error
	if tok != nil {
		out.Claims = tok.Claims
	}
	return out
}

// accountz is the monitor's account page: it counts the hit and shows
// the account; nobody is authenticated.
func accountz(w http.ResponseWriter, r *http.Request) {
	hits["accountz"]++
	json.NewEncoder(w).Encode(describe(r.URL.Query().Get("acc")))
}

// inline decodes a stored token in the handler itself, dropping the
// error with var.
func inline(w http.ResponseWriter, r *http.Request) {
	a := accounts[r.URL.Query().Get("acc")]
	var tok, _ = jwt.ParseWithClaims(a.JWT, jwt.MapClaims{}, keyFunc)
	hits["inline"]++
	json.NewEncoder(w).Encode(tok)
}

// validOnly discards the error but checks the request's token through
// Valid: the caller is authenticated.
func validOnly(w http.ResponseWriter, r *http.Request) { // want `handler validOnly authenticates the caller \(jwt.Parse\)`
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	tok, _ := jwt.Parse(raw, keyFunc)
	if tok == nil || !tok.Valid {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	delete(accounts, r.URL.Query().Get("acc"))
}

// checked verifies a stored token and acts on its error: still a
// verification in the function's own terms.
func checked(w http.ResponseWriter, r *http.Request) { // want `handler checked authenticates the caller \(jwt.Parse\)`
	a := accounts[r.URL.Query().Get("acc")]
	if _, err := jwt.Parse(a.JWT, keyFunc); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	hits["checked"]++
}

// claimsOf is handed the caller's token and drops the error; the
// handler's call of it is the check.
func claimsOf(raw string) jwt.Claims {
	tok, _ := jwt.Parse(raw, keyFunc)
	if tok == nil || !tok.Valid {
		return nil
	}
	return tok.Claims
}

func viaHelper(w http.ResponseWriter, r *http.Request) { // want `handler viaHelper authenticates the caller`
	if claimsOf(r.Header.Get("Authorization")) == nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	hits["helper"]++
}

// nats-server's shape: a signed-claims decoder of another library
// (nats-io/jwt's DecodeAccountClaims), error ignored, in a callee of
// the handler (HandleAccountz → accountInfo). In a real build that
// library is known by its names only (body.go's name hint, where the
// same rule applies); here the stub is analysed from source, so this
// pair only checks that a request token decoded by it still counts.
func accountInfo(name string) *accjwt.AccountClaims {
	a := accounts[name]
	if a == nil {
		return nil
	}
	claim, _ := accjwt.DecodeAccountClaims(a.JWT) // ignore error
	return claim
}

func accountzByName(w http.ResponseWriter, r *http.Request) {
	hits["accountz"]++
	json.NewEncoder(w).Encode(accountInfo(r.URL.Query().Get("acc")))
}

// Near miss: the same library on the request's token, error checked.
func byToken(w http.ResponseWriter, r *http.Request) { // want `handler byToken authenticates the caller`
	if _, err := accjwt.DecodeAccountClaims(r.Header.Get("Authorization")); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	hits["token"]++
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/accountz2", accountzByName)
	mux.HandleFunc("/bytoken", byToken)
	mux.HandleFunc("/accountz", accountz)
	mux.HandleFunc("/inline", inline)
	mux.HandleFunc("/valid", validOnly)
	mux.HandleFunc("/checked", checked)
	mux.HandleFunc("/helper", viaHelper)
}
