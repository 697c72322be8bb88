package roleflag // want package:"analyzed"

// A branch that rejects the request on a boolean field or method of the
// authenticated principal is a role check, whatever the flag is called;
// it is credited in the helper that authenticated, and to the handlers
// that call it. A branch on such a flag that does not reject, or a flag
// that says whether the account is valid, is no role check.

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

var secret = []byte("s")

func keyFunc(*jwt.Token) (interface{}, error) { return secret, nil }

type account struct {
	Name     string
	Owner    *bool
	Editor   bool
	Verified bool
}

func (a *account) IsStaff() bool { return a.Editor }

type store struct{ rows map[string]string }

func (d *store) remove(id string) { delete(d.rows, id) }

var db = &store{}

// tokenAccount authenticates: the account of a valid token.
func tokenAccount(r *http.Request) (*account, error) {
	if _, err := jwt.Parse(r.Header.Get("Authorization"), keyFunc); err != nil {
		return nil, errors.New("session has expired")
	}
	return &account{}, nil
}

// validateSession authenticates and lets only owners change anything
// (shiori's legacy API): a role check on a *bool field.
func validateSession(r *http.Request) error {
	acc, err := tokenAccount(r)
	if err != nil {
		return err
	}
	if r.Method != "GET" && acc.Owner != nil && !*acc.Owner {
		return errors.New("account level is not sufficient")
	}
	return nil
}

// validateLogging reads the same flag but only logs it.
func validateLogging(r *http.Request) error {
	acc, err := tokenAccount(r)
	if err != nil {
		return err
	}
	if acc.Owner != nil && !*acc.Owner {
		log.Printf("visitor %s", acc.Name)
	}
	return nil
}

// validateVerified rejects on a flag that says whether the account is
// valid: authentication, not a role.
func validateVerified(r *http.Request) error {
	acc, err := tokenAccount(r)
	if err != nil {
		return err
	}
	if !acc.Verified {
		return errors.New("account not verified")
	}
	return nil
}

func deleteOwned(w http.ResponseWriter, r *http.Request) { // silent: validateSession checks the Owner flag
	if err := validateSession(r); err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	db.remove(r.PathValue("id"))
}

func deleteLogged(w http.ResponseWriter, r *http.Request) { // want `handler deleteLogged authenticates the caller`
	if err := validateLogging(r); err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	db.remove(r.PathValue("id"))
}

func deleteVerified(w http.ResponseWriter, r *http.Request) { // want `handler deleteVerified authenticates the caller`
	if err := validateVerified(r); err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	db.remove(r.PathValue("id"))
}

func deleteStaff(w http.ResponseWriter, r *http.Request) { // silent: a method flag of the caller, rejected with 403
	acc, err := tokenAccount(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if !acc.IsStaff() {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	db.remove(r.PathValue("id"))
}

func deleteSwitch(w http.ResponseWriter, r *http.Request) { // silent: a switch case on the caller's flag that returns
	acc, err := tokenAccount(r)
	switch {
	case err != nil:
		w.WriteHeader(http.StatusUnauthorized)
		return
	case !acc.Editor:
		return
	}
	db.remove(r.PathValue("id"))
}

type request struct {
	ID     string
	Editor bool
}

func deleteByBody(w http.ResponseWriter, r *http.Request) { // want `handler deleteByBody authenticates the caller`
	if _, err := tokenAccount(r); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var req request
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	if !req.Editor { // the request's own flag: the caller decides it
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	db.remove(req.ID)
}
