// Package sessionkeep saves sessions: a login puts a user in one, a
// helper that only saves the session it has (after a flash message, to
// extend it) puts nothing new in it and is no login step.
package sessionkeep

import (
	"net/http"

	"github.com/gorilla/sessions"
)

var store = sessions.NewCookieStore([]byte("k"))

type user struct{ ID string }

func (u *user) cookie() *user { return &user{ID: u.ID} }

func lookup(name string) *user { return &user{ID: name} }

// saveSession extends the session and re-stores the user it holds.
func saveSession(w http.ResponseWriter, r *http.Request) error {
	session, err := store.Get(r, "s")
	if err != nil {
		return err
	}
	session.Options.MaxAge = 3600
	if u, ok := session.Values["user"].(*user); ok {
		session.Values["user"] = u.cookie()
	}
	return session.Save(r, w)
}

// addFlash stores a message for the next page.
func addFlash(w http.ResponseWriter, r *http.Request, m string) {
	session, err := store.Get(r, "s")
	if err != nil {
		return
	}
	session.AddFlash(m)
	saveSession(w, r)
}

// markAuthenticated stores a constant in the session: new.
func markAuthenticated(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "s")
	session.Values["authenticated"] = true
	session.Save(r, w)
}

// saveGiven saves a session its caller filled.
func saveGiven(w http.ResponseWriter, r *http.Request, s *sessions.Session) {
	s.Save(r, w)
}

func handleSignIn(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "s")
	session.Values["user"] = lookup(r.FormValue("name")).ID
	session.Save(r, w)
	http.Redirect(w, r, r.FormValue("next"), http.StatusFound) // want `the form value "next"`
}

func handleMark(w http.ResponseWriter, r *http.Request) {
	markAuthenticated(w, r)
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // want `the form value "to"`
}

func handleGiven(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "s")
	saveGiven(w, r, session)
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // want `the form value "to"`
}

func handleUpdatePost(w http.ResponseWriter, r *http.Request) {
	addFlash(w, r, "Changes saved.")
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // silent: a flash message is no login step
}

func handleSettings(w http.ResponseWriter, r *http.Request) {
	saveSession(w, r)
	http.Redirect(w, r, r.FormValue("return"), http.StatusFound) // silent: the session is saved again, nothing new in it
}

func handlePrefs(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "s")
	session.AddFlash("saved")
	session.Options.MaxAge = 60
	session.Save(r, w)
	http.Redirect(w, r, r.FormValue("back"), http.StatusFound) // silent: only a flash and the lifetime change
}
