// Package dispatchflow: a dispatcher whose branches call a handler that // want package:`cookies set: sid`
// issues a session and a redirect feature apart runs only one of them
// for a request, so the redirect is no step of a login (goshs's
// earlyBreakParameters). A caller that logs the user in on the way to
// the redirect helper, before or after it, still makes it part of a
// login.
package dispatchflow

import (
	"net/http"
)

type Server struct{ sessions map[string]string }

func (s *Server) createSession(w http.ResponseWriter, user string) {
	s.sessions[user] = "x"
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: user, HttpOnly: true, Secure: true})
}

func (s *Server) shareHandler(w http.ResponseWriter, r *http.Request) {
	s.createSession(w, r.FormValue("user"))
}

func (s *Server) redirectFeature(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("url"), http.StatusFound)
}

func (s *Server) dispatch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if _, ok := q["share"]; ok {
		s.shareHandler(w, r)
		return
	}
	if _, ok := q["redirect"]; ok {
		s.redirectFeature(w, r)
		return
	}
	w.WriteHeader(http.StatusNotFound)
}

// Near miss: the session is issued on the way to the redirect.

func (s *Server) next(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound) // want `sends the browser to the query parameter "next" without an allow-list or same-origin check, in a login or OAuth callback`
}

func (s *Server) enter(w http.ResponseWriter, r *http.Request) {
	s.createSession(w, r.FormValue("user"))
	s.next(w, r)
}

func Routes(s *Server) {
	http.HandleFunc("/", s.dispatch)
	http.HandleFunc("/enter", s.enter)
}
