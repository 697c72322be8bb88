// Package macorigin: a return address the service signed itself, // want package:`cookies set: sid`
// accepted only when the MAC of the address it was given equals the
// signature in constant time, and a callback URL whose origin
// (scheme + "://" + host) is looked up in the configured partners or
// compared with the configured one. A MAC computed but compared with
// nothing, or compared with ==, and an origin built but never checked,
// leave the redirect open.
package macorigin

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
)

var returnKey = []byte("k")

var partnerOrigins = map[string]bool{"https://partner.example.net": true}

var consoleOrigin = "https://console.example.com"

func startSession(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: "x", HttpOnly: true, Secure: true})
}

func sign(p string) string {
	m := hmac.New(sha256.New, returnKey)
	m.Write([]byte(p))
	return hex.EncodeToString(m.Sum(nil))
}

// --- near misses ---

func loginSigned(w http.ResponseWriter, r *http.Request) {
	startSession(w)
	next := r.URL.Query().Get("next")
	if !hmac.Equal([]byte(r.URL.Query().Get("sig")), []byte(sign(next))) {
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, next, http.StatusFound) // silent: only an address the service signed passes
}

func loginSignedSubtle(w http.ResponseWriter, r *http.Request) {
	startSession(w)
	next := r.URL.Query().Get("next")
	if subtle.ConstantTimeCompare([]byte(sign(next)), []byte(r.URL.Query().Get("sig"))) != 1 {
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, next, http.StatusFound) // silent: signature compared with subtle
}

func loginPartnerOrigin(w http.ResponseWriter, r *http.Request) {
	startSession(w)
	cb, err := url.Parse(r.URL.Query().Get("redirect_uri"))
	if err != nil || !partnerOrigins[cb.Scheme+"://"+cb.Host] {
		http.Error(w, "unknown partner", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, cb.String(), http.StatusFound) // silent: the origin is looked up in the partners
}

func loginSameOrigin(w http.ResponseWriter, r *http.Request) {
	startSession(w)
	u, err := url.Parse(r.URL.Query().Get("next"))
	if err != nil || u.Scheme+"://"+u.Host != consoleOrigin {
		http.Redirect(w, r, "/", http.StatusFound)
		return
	}
	http.Redirect(w, r, u.String(), http.StatusFound) // silent: the origin is compared with the console's
}

// --- positives ---

func loginMACUnchecked(w http.ResponseWriter, r *http.Request) {
	startSession(w)
	next := r.URL.Query().Get("next")
	w.Header().Set("X-Return-Sig", sign(next))
	http.Redirect(w, r, next, http.StatusFound) // want `query parameter "next"`
}

func loginMACPlainEqual(w http.ResponseWriter, r *http.Request) {
	startSession(w)
	next := r.URL.Query().Get("next")
	if len(sign(next)) == 0 {
		return
	}
	http.Redirect(w, r, next, http.StatusFound) // want `query parameter "next"`
}

func loginOriginUnchecked(w http.ResponseWriter, r *http.Request) {
	startSession(w)
	cb, err := url.Parse(r.URL.Query().Get("redirect_uri"))
	if err != nil {
		return
	}
	w.Header().Set("X-Origin", cb.Scheme+"://"+cb.Host)
	http.Redirect(w, r, cb.String(), http.StatusFound) // want `query parameter "redirect_uri"`
}

func loginOriginIgnored(w http.ResponseWriter, r *http.Request) {
	startSession(w)
	cb, err := url.Parse(r.URL.Query().Get("redirect_uri"))
	if err != nil {
		return
	}
	origin := cb.Scheme + "://" + cb.Host
	_ = partnerOrigins
	w.Header().Set("X-Origin", origin)
	http.Redirect(w, r, cb.String(), http.StatusFound) // want `query parameter "redirect_uri"`
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/login/signed", loginSigned)
	mux.HandleFunc("/login/signed-subtle", loginSignedSubtle)
	mux.HandleFunc("/login/partner", loginPartnerOrigin)
	mux.HandleFunc("/login/same-origin", loginSameOrigin)
	mux.HandleFunc("/login/mac-unchecked", loginMACUnchecked)
	mux.HandleFunc("/login/mac-plain", loginMACPlainEqual)
	mux.HandleFunc("/login/origin-unchecked", loginOriginUnchecked)
	mux.HandleFunc("/login/origin-ignored", loginOriginIgnored)
}
