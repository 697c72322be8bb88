package sessionkeep

import (
	"net/http"

	"github.com/gorilla/sessions"
)

// Sessions saved again whose values are re-stored in the arms of an
// if/else or a switch: every arm must put back what it read (silent), or
// the save is a login step (reported).

// cookier is what a stored user can turn into for the cookie.
type cookier interface{ cookie() *user }

// keepArms re-stores, in each arm, a value read from the session: a
// method's result in one, a field of the read user in the other.
func keepArms(w http.ResponseWriter, r *http.Request, short bool) {
	session, _ := store.Get(r, "s")
	u, ok := session.Values["user"].(*user)
	if !ok {
		return
	}
	if short {
		session.Values["user"] = u.cookie()
	} else {
		session.Values["id"] = u.ID
	}
	session.Save(r, w)
}

// keepSwitch re-stores by the stored value's type, through an interface
// method in one case and the value itself in another.
func keepSwitch(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "s")
	switch v := session.Values["user"].(type) {
	case cookier:
		session.Values["user"] = v.cookie()
	case string:
		session.Values["user"] = v
	}
	session.Save(r, w)
}

// keepPhi picks, in the arms, which read value to store back.
func keepPhi(w http.ResponseWriter, r *http.Request, alt bool) {
	session, _ := store.Get(r, "s")
	v := session.Values["user"]
	if alt {
		v = session.Values["previous"]
	}
	session.Values["user"] = v
	session.Save(r, w)
}

// newInOneArm re-stores the user in one arm and marks the session
// authenticated in the other: new.
func newInOneArm(w http.ResponseWriter, r *http.Request, short bool) {
	session, _ := store.Get(r, "s")
	u, _ := session.Values["user"].(*user)
	if short {
		session.Values["user"] = u.cookie()
	} else {
		session.Values["authenticated"] = true
	}
	session.Save(r, w)
}

// newInCase stores a looked-up user in one case of a switch: new.
func newInCase(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "s")
	switch v := session.Values["user"].(type) {
	case cookier:
		session.Values["user"] = v.cookie()
	default:
		session.Values["user"] = lookup(r.FormValue("name"))
	}
	session.Save(r, w)
}

// newInPhi stores, in one arm, a value that did not come from the
// session: new.
func newInPhi(w http.ResponseWriter, r *http.Request, s *sessions.Session, alt bool) {
	session, _ := store.Get(r, "s")
	v := session.Values["user"]
	if alt {
		v = r.FormValue("user")
	}
	session.Values["user"] = v
	session.Save(r, w)
}

func handleKeepArms(w http.ResponseWriter, r *http.Request) {
	keepArms(w, r, true)
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // silent: each arm puts back what it read
}

func handleKeepSwitch(w http.ResponseWriter, r *http.Request) {
	keepSwitch(w, r)
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // silent: each case puts back what it read
}

func handleKeepPhi(w http.ResponseWriter, r *http.Request) {
	keepPhi(w, r, false)
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // silent: either value was read from the session
}

func handleNewInOneArm(w http.ResponseWriter, r *http.Request) {
	newInOneArm(w, r, false)
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // want `the form value "to"`
}

func handleNewInCase(w http.ResponseWriter, r *http.Request) {
	newInCase(w, r)
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // want `the form value "to"`
}

func handleNewInPhi(w http.ResponseWriter, r *http.Request) {
	newInPhi(w, r, nil, false)
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // want `the form value "to"`
}
