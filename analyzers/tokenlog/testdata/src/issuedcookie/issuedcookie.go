// Package issuedcookie: the value a handler sets as its session cookie
// is a credential before it leaves.
package issuedcookie

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"log"
	"log/slog"
	"net/http"
)

const sessionCookie = "app_session"

var key = []byte("k")

func startSession(w http.ResponseWriter, sub string) {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(sub))
	val := sub + "." + hex.EncodeToString(mac.Sum(nil))
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: val, HttpOnly: true, Secure: true})
	slog.Debug("session cookie issued", "cookie", val) // want `value of the app_session cookie set here reaches slog.Debug`
}

func newSID() string { return "sid-1" }

func login(w http.ResponseWriter) {
	sid := newSID()
	c := &http.Cookie{Name: "sid", Path: "/"}
	c.Value = sid
	http.SetCookie(w, c)
	log.Printf("session %s", sid) // want `value of the sid cookie set here reaches log.Printf`
}

// Near misses: preference and state cookies, the cookie's name, a
// length, the subject, a cookie whose name is not known here.
func prefs(w http.ResponseWriter, lang, state, sub string, name string) {
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: lang})
	log.Printf("lang %s", lang)
	http.SetCookie(w, &http.Cookie{Name: "oauth_state", Value: state})
	log.Printf("state %s", state)
	val := sub + ".x"
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: val})
	log.Printf("cookie %s set for %s (%d bytes)", sessionCookie, sub, len(val))
	other := sub + ".y"
	http.SetCookie(w, &http.Cookie{Name: name, Value: other})
	log.Printf("cookie %s", other)
}
