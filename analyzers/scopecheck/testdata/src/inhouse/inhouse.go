package inhouse // want package:"analyzed"

import (
	"net/http"

	"example.com/platform/acl"
	"example.com/platform/session"
)

type Store interface{ Wipe(tenant string) }

var store Store

// wipe is reported by default: session.Resolve validates the credential
// (its name says so, and its package is not analyzed), nothing
// authorizes.
func wipe(w http.ResponseWriter, r *http.Request) { // want `handler wipe authenticates the caller`
	if _, err := session.Resolve(r.Header.Get("X-Session-Token")); err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	store.Wipe(r.FormValue("tenant"))
}

// wipeGuarded is silent once -authz-funcs names acl.Gate (see
// TestInhouseFlags); without the flag it is reported.
func wipeGuarded(w http.ResponseWriter, r *http.Request) { // want `handler wipeGuarded authenticates the caller`
	if _, err := session.Resolve(r.Header.Get("X-Session-Token")); err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if acl.Gate(r) != nil {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	store.Wipe(r.FormValue("tenant"))
}
