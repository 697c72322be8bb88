package dispatch // want package:"analyzed"

// A dispatcher runs one case per request: the authentication one case's
// handler makes does not precede the work another case's handler does
// (lenpaste's Hand, switching on the path between newHand, which checks
// a password, and getHand, which is public). Authentication and work in
// the same case, or authentication before the switch, are still judged.

import (
	"errors"
	"net/http"
	"os"
)

var errUnauthorized = errors.New("unauthorized")

type Data struct {
	users map[string]string
}

func (d *Data) check(user, pass string) (bool, error) {
	want, ok := d.users[user]
	if !ok {
		return false, errors.New("no such user")
	}
	return want == pass, nil
}

func (d *Data) authOnly(r *http.Request) error {
	user, pass, ok := r.BasicAuth()
	if !ok {
		return errUnauthorized
	}
	good, err := d.check(user, pass)
	if err != nil || !good {
		return errUnauthorized
	}
	return nil
}

func (d *Data) newHand(w http.ResponseWriter, r *http.Request) error {
	if err := d.authOnly(r); err != nil {
		return err
	}
	return os.WriteFile("/var/lib/pastes/new", nil, 0o600)
}

func (d *Data) getHand(w http.ResponseWriter, r *http.Request) error {
	return os.WriteFile("/var/lib/pastes/views", nil, 0o600)
}

func (d *Data) purge() error { return os.RemoveAll("/var/lib/pastes") }

func (d *Data) hand(w http.ResponseWriter, r *http.Request) {
	var err error
	switch r.URL.Path {
	case "/api/new":
		err = d.newHand(w, r)
	case "/api/get":
		err = d.getHand(w, r)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
	}
}

// Near misses: authentication and work in one case, and authentication
// before the switch.

func (d *Data) admin(w http.ResponseWriter, r *http.Request) { // want `handler Data.admin authenticates the caller`
	switch r.URL.Path {
	case "/admin/purge":
		if err := d.authOnly(r); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		_ = d.purge()
	case "/admin/views":
		_ = d.getHand(w, r)
	}
}

func (d *Data) ops(w http.ResponseWriter, r *http.Request) { // want `handler Data.ops authenticates the caller`
	if err := d.authOnly(r); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	switch r.URL.Path {
	case "/ops/purge":
		_ = d.purge()
	case "/ops/views":
		_ = d.getHand(w, r)
	}
}

func Routes(d *Data) {
	http.HandleFunc("/api/", d.hand)
	http.HandleFunc("/admin/", d.admin)
	http.HandleFunc("/ops/", d.ops)
}
