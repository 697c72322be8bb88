package compareheld

import (
	"net/http"
	"os"

	"heldlib"
)

var adminPassword = os.Getenv("ADMIN_PASSWORD")

// --- positives: a stored password against the one the request presents ---

// The account is looked up by the request's user name in another
// package; its password is the program's, the presented one is not.
func Publish(w http.ResponseWriter, r *http.Request) {
	username, password, ok := r.BasicAuth()
	acc := heldlib.GetAccount(username)
	if !ok || acc == nil || acc.Username == "" || acc.Password != password { // want `password in field Password compared with !=`
		w.WriteHeader(http.StatusUnauthorized)
	}
}

var local = map[string]*heldlib.Account{}

func lookupLocal(name string) *heldlib.Account { return local[name] }

// The same through a function of this package.
func PublishLocal(w http.ResponseWriter, r *http.Request) {
	username, password, _ := r.BasicAuth()
	if acc := lookupLocal(username); acc == nil || acc.Password != password { // want `password in field Password compared with !=`
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// A record built from the request is the request's: compared with the
// configured password, it is still reported.
func Parsed(w http.ResponseWriter, r *http.Request) {
	acc := heldlib.ParseAccount(r.Header.Get("X-Account"))
	if acc.Password != adminPassword { // want `compared with !=`
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// --- near misses ---

// Two records the program keeps, compared to detect a change: nobody
// outside chooses either password.
func Changed(name, other string) bool {
	return heldlib.GetAccount(name).Password != lookupLocal(other).Password
}
