package sessionkeep // want package:`cookies set: session:authenticated session:id session:user\(request\) sid`

import "net/http"

var tokens = map[string]int64{}

// authenticateToken looks a per-request API token up and issues
// nothing: its body, in sight, shows no login step.
func authenticateToken(tok string) (int64, error) {
	if id, ok := tokens[tok]; ok {
		return id, nil
	}
	return 0, http.ErrNoCookie
}

// authenticateUser checks a password and starts a session with a cookie.
func authenticateUser(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: name})
}

type authenticator interface {
	Authenticate(name, password string) error
}

func handleAPIUpdate(w http.ResponseWriter, r *http.Request) {
	if _, err := authenticateToken(r.Header.Get("Authorization")); err != nil {
		return
	}
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // silent: an API request authenticated, no login
}

func handleFormLogin(w http.ResponseWriter, r *http.Request) {
	authenticateUser(w, r.FormValue("name"))
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // want `the form value "to"`
}

func handleIfaceLogin(w http.ResponseWriter, r *http.Request, a authenticator) {
	if a.Authenticate(r.FormValue("name"), r.FormValue("password")) != nil {
		return
	}
	http.Redirect(w, r, r.FormValue("to"), http.StatusFound) // want `the form value "to"`
}
