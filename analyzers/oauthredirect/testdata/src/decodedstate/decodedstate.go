// Package decodedstate: a return URL carried in the OAuth state
// parameter (base64 of a JSON object) is request data once decoded.
package decodedstate

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{}

type state struct {
	Nonce  string `json:"n"`
	Return string `json:"r"`
	Sig    []byte `json:"s"`
}

func decodeState(s string) (state, error) {
	var st state
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return st, err
	}
	err = json.Unmarshal(b, &st)
	return st, err
}

func callback(w http.ResponseWriter, r *http.Request) {
	st, err := decodeState(r.URL.Query().Get("state"))
	if err != nil {
		return
	}
	if _, err := conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		return
	}
	http.Redirect(w, r, st.Return, http.StatusFound) // want `query parameter "state" without an allow-list`
}

func checkPassword(user, password string) bool { return user != "" && password != "" }

func login(w http.ResponseWriter, r *http.Request) {
	if !checkPassword(r.FormValue("user"), r.FormValue("password")) {
		return
	}
	var st state
	if err := json.Unmarshal([]byte(r.FormValue("state")), &st); err != nil {
		return
	}
	http.Redirect(w, r, st.Return, http.StatusSeeOther) // want `form value "state"`
}

// Near miss: the decoded document is the program's own.
const defaultsJSON = `{"n":"","r":"/home"}`

func loginDefaults(w http.ResponseWriter, r *http.Request) {
	if !checkPassword(r.FormValue("user"), r.FormValue("password")) {
		return
	}
	var d state
	_ = json.Unmarshal([]byte(defaultsJSON), &d)
	http.Redirect(w, r, d.Return, http.StatusSeeOther)
}

// Near miss: the decoded return URL passes a path-only check.
func callbackChecked(w http.ResponseWriter, r *http.Request) {
	st, err := decodeState(r.URL.Query().Get("state"))
	if err != nil {
		return
	}
	if _, err := conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		return
	}
	ret := st.Return
	if !strings.HasPrefix(ret, "/") || strings.HasPrefix(ret, "//") || strings.HasPrefix(ret, "/\\") {
		ret = "/"
	}
	http.Redirect(w, r, ret, http.StatusFound)
}

var stateKey = []byte("k")

// Near miss: the decoded return URL is covered by the program's MAC.
func callbackSigned(w http.ResponseWriter, r *http.Request) {
	st, err := decodeState(r.URL.Query().Get("state"))
	if err != nil {
		return
	}
	mac := hmac.New(sha256.New, stateKey)
	mac.Write([]byte(st.Return))
	if !hmac.Equal(st.Sig, mac.Sum(nil)) {
		return
	}
	if _, err := conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		return
	}
	http.Redirect(w, r, st.Return, http.StatusFound)
}

// Near miss: the state's nonce must match the browser's nonce cookie,
// so the state is the one the login start wrote for this browser.
func callbackBound(w http.ResponseWriter, r *http.Request) {
	nonce, err := r.Cookie("nonce")
	if err != nil || nonce.Value == "" {
		return
	}
	b, err := base64.URLEncoding.DecodeString(r.URL.Query().Get("state"))
	if err != nil {
		return
	}
	var st state
	if err := json.Unmarshal(b, &st); err != nil {
		return
	}
	if st.Nonce != nonce.Value {
		http.Error(w, "bad state", http.StatusUnauthorized)
		return
	}
	if _, err := conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		return
	}
	http.Redirect(w, r, st.Return, http.StatusFound)
}

// Positive: the nonce is compared with another parameter of the same
// request, which the attacker writes too.
func callbackSelfBound(w http.ResponseWriter, r *http.Request) {
	b, err := base64.URLEncoding.DecodeString(r.URL.Query().Get("state"))
	if err != nil {
		return
	}
	var st state
	if err := json.Unmarshal(b, &st); err != nil {
		return
	}
	if st.Nonce != r.URL.Query().Get("nonce") {
		return
	}
	if _, err := conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		return
	}
	http.Redirect(w, r, st.Return, http.StatusFound) // want `query parameter "state" without an allow-list`
}
