// Package compareinput: values a request decoder of any library fills
// are request content, and a comparison that records whether a stored
// secret changes before it is overwritten is a change check.
package compareinput

import (
	"errors"
	"net/http"
)

// decode stands for a library's request decoder (zhttp.Decode,
// render.Decode): it is given the request and the target's address.
func decode(r *http.Request, v any) error { return nil }

type account struct {
	Name     string
	Password string
}

var accounts = map[string]*account{}

type registry struct {
	Username string
	Password string
}

type payload struct {
	Username *string
	Password *string
}

// Near miss: a password and its confirmation, both decoded from the
// same request: the caller knows both.
func resetPassword(w http.ResponseWriter, r *http.Request) error {
	var args struct {
		Password  string `json:"password"`
		Password2 string `json:"password2"`
	}
	if err := decode(r, &args); err != nil {
		return err
	}
	if args.Password != args.Password2 {
		return errors.New("password confirmation does not match")
	}
	return nil
}

// Positive: the decoded password against the stored one.
func login(w http.ResponseWriter, r *http.Request) error {
	var args struct {
		Name     string `json:"name"`
		Password string `json:"password"`
	}
	if err := decode(r, &args); err != nil {
		return err
	}
	a := accounts[args.Name]
	if a == nil || args.Password != a.Password { // want `password in field Password compared with !=`
		return errors.New("unauthorized")
	}
	return nil
}

// Near miss: whether the stored secret changes, recorded before the
// update overwrites it.
func update(reg *registry, p payload) bool {
	changed := false
	if p.Username != nil {
		changed = changed || (reg.Username != *p.Username)
		reg.Username = *p.Username
	}
	if p.Password != nil {
		changed = changed || (reg.Password != *p.Password)
		reg.Password = *p.Password
	}
	return changed
}

// Positive: the result is stored, but the request's value is never
// written over the stored one: a check, not a change.
func check(w http.ResponseWriter, r *http.Request, reg *registry) {
	ok := r.FormValue("password") == reg.Password // want `compared with ==`
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
}

// A check split into a helper: the stored password comes in as a
// parameter.

func checkPassword(password, given string) bool {
	return password == given // want `password in variable password compared with ==`
}

func subsonicAuth(w http.ResponseWriter, r *http.Request) {
	a := accounts[r.FormValue("u")]
	if a == nil || !checkPassword(a.Password, r.FormValue("p")) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
}

// Near miss: a helper whose callers pass two values of the request.
func sameTwice(password, second string) bool {
	return password == second
}

func confirm(w http.ResponseWriter, r *http.Request) {
	if !sameTwice(r.FormValue("password"), r.FormValue("password2")) {
		http.Error(w, "mismatch", http.StatusBadRequest)
	}
}

// Near miss: a helper that escapes (a value, called from elsewhere):
// what its callers pass is not known.
func matches(password, given string) bool {
	return password == given
}

var Matcher = matches

// NewParPasswd decrypts a stored password (go-ldap-admin): "New" is
// Go's constructor verb, not a new password the caller typed twice.
func NewParPasswd(stored string) string { return decrypt(stored) }

func decrypt(s string) string { return s }

type store struct{ users map[string]account }

func (s store) find(name string, u *account) error {
	v, ok := s.users[name]
	if !ok {
		return errors.New("no user")
	}
	*u = v
	return nil
}

func (s store) login(user *account) (*account, error) {
	var found account
	if err := s.find(user.Name, &found); err != nil {
		return nil, err
	}
	if NewParPasswd(found.Password) != user.Password { // want `password in field Password compared with !=`
		return nil, errors.New("bad password")
	}
	return &found, nil
}

// Near miss: the new password against its confirmation, read through
// getters whose names say so.
type changeForm struct{ pw, again string }

func (f changeForm) newPassword() string     { return f.pw }
func (f changeForm) confirmPassword() string { return f.again }

func change(f changeForm) error {
	if f.newPassword() != f.confirmPassword() {
		return errors.New("mismatch")
	}
	return nil
}

type changeReq struct{ OldPassword, NewPassword string }

// The old password the caller typed against the account's, decrypted
// from its record (go-ldap-admin's change-password check): reported.
// The old against the new one, both the caller's, is not.
func (s store) changePassword(name string, r *changeReq) error {
	var found account
	if err := s.find(name, &found); err != nil {
		return err
	}
	if NewParPasswd(found.Password) != r.OldPassword { // want `compared with !=`
		return errors.New("wrong old password")
	}
	if r.OldPassword == r.NewPassword {
		return errors.New("the new password must differ")
	}
	return nil
}

// The same with the password kept as is.
func (s store) changePlain(name string, r *changeReq) error {
	var found account
	if err := s.find(name, &found); err != nil {
		return err
	}
	if found.Password != r.OldPassword { // want `compared with !=`
		return errors.New("wrong old password")
	}
	return nil
}
