package api // want package:"analyzed"

import (
	"net/http"

	"example.com/acct/session"
)

type store struct{ rows map[string]string }

func (d *store) remove(id string) { delete(d.rows, id) }

var db = &store{}

func deleteItem(w http.ResponseWriter, r *http.Request) { // silent: session.Validate checks the Owner flag
	if err := session.Validate(r); err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	db.remove(r.PathValue("id"))
}

func deleteItemLogged(w http.ResponseWriter, r *http.Request) { // want `handler deleteItemLogged authenticates the caller`
	if err := session.ValidateLogging(r); err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	db.remove(r.PathValue("id"))
}
