package usekeyed // want package:`tokenlog\(query params api_key, token read by usekeyed\)`

// usekeyed logs values read through the project's own accessors
// of request parameters (keyedparam.go). A constant credential name
// given to an accessor that passes it on as the key is a credential
// source; another name, or an accessor with a fixed key, is not.

import (
	"log"
	"net/http"

	"keyedlib"
)

// query is a local accessor: its key is its parameter.
func query(r *http.Request, name string) string { // want query:`tokenlog\(query reader, name in parameter 1\)`
	return r.URL.Query().Get(name)
}

// --- positives ---

// navidrome's Last.fm callback: the token logged when the exchange
// fails.
func Callback(w http.ResponseWriter, r *http.Request) {
	p := keyedlib.Params(r)
	token, err := p.String("token")
	if err != nil {
		return
	}
	if err := exchange(token); err != nil {
		log.Printf("could not fetch session key, token %s: %v", token, err) // want `token from the "token" request value reaches log.Printf`
	}
}

func exchange(string) error { return nil }

func Local(w http.ResponseWriter, r *http.Request) {
	log.Printf("key %s", query(r, "api_key")) // want `from the "api_key" request value reaches log.Printf`
}

// --- near misses ---

func Page(w http.ResponseWriter, r *http.Request) {
	p := keyedlib.Params(r)
	page, _ := p.String("page")
	log.Printf("page %s, theme %s", page, p.Theme())                    // not credential names
	log.Printf("sort %s %s", query(r, "sort"), keyedlib.Upper("token")) // a name, not a read
}

// The token handed to a helper that logs its parameter.
func Callback2(w http.ResponseWriter, r *http.Request) {
	p := keyedlib.Params(r)
	token, err := p.String("token")
	if err != nil {
		return
	}
	_ = fetch("uid", token)
}

func fetch(uid, token string) error {
	if err := exchange(token); err != nil {
		logError("could not fetch session key", "userId", uid, "token", token, err) // want `reaches log.Println`
		return err
	}
	return nil
}

func logError(args ...any) { logAt("error", args...) }

func logAt(level string, args ...any) { log.Println(append([]any{level}, args...)...) }
