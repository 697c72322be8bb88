// Package principal compares submitted values with credentials of the
// account the request is authenticated as (read back from the context),
// of records looked up by that account's identity, and of accounts
// looked up otherwise.
package principal

import (
	"net/http"

	"principallib"
)

type key struct{}

type handler struct{ store *principallib.Store }

// deleteOwnKey picks which of the caller's keys to delete, among those
// looked up by the caller's identity.
func (h *handler) deleteOwnKey(w http.ResponseWriter, r *http.Request) {
	user := principallib.GetPrincipal(r)
	value := r.PostFormValue("api_key_value")
	keys, err := h.store.KeysOf(user.Name)
	if err != nil {
		return
	}
	for _, k := range keys {
		if k.ApiKey == value { // silent: one of the caller's own keys, picked
			http.Error(w, "deleted", http.StatusOK)
			return
		}
	}
}

// mainKey reads the account from the context itself and looks up its
// main key record.
func (h *handler) mainKey(w http.ResponseWriter, r *http.Request) {
	u := r.Context().Value(key{}).(*principallib.User)
	k := h.store.MainKey(u)
	if r.Header.Get("X-Api-Key") != k.ApiKey { // silent: the caller's own main key
		http.Error(w, "not your main key", http.StatusBadRequest)
		return
	}
}

// login compares a key with that of an account named in the request.
func (h *handler) login(w http.ResponseWriter, r *http.Request) {
	keys, _ := h.store.KeysOf(r.FormValue("name"))
	for _, k := range keys {
		if r.Header.Get("X-Api-Key") == k.ApiKey { // want `compared with ==`
			return
		}
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

// confirmEmail checks a token mailed to the caller: it proves control of
// the address, which the session does not.
func (h *handler) confirmEmail(w http.ResponseWriter, r *http.Request) {
	user := principallib.GetPrincipal(r)
	p := h.store.Pending(user.Name)
	if r.Header.Get("X-Confirm-Token") != p.EmailToken { // want `compared with !=`
		http.Error(w, "bad token", http.StatusForbidden)
		return
	}
}
