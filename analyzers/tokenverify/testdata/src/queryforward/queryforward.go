// Package queryforward: a request value checked against a configured one
// and then written into the query of a URL the program builds is a
// parameter it passes on (gatekeeper's allow-list of query parameters
// for the identity provider), not a secret; the same check of a value
// the program keeps to itself is (forwarded.go).
package queryforward

import (
	"fmt"
	"log"
	"net/http"
	"net/url"
	"strings"
)

// Silent: the checked value goes into the authorization URL.

// Allowed is gatekeeper's shape.
func Allowed(allowed map[string]string, next string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for key, val := range allowed {
			if param := r.URL.Query().Get(key); param != "" {
				if val != "" {
					if val != param {
						w.WriteHeader(http.StatusForbidden)
					}
				}
				fmt.Fprintf(&b, "&%s=%s", key, param)
			}
		}
		http.Redirect(w, r, next+"?state=x"+b.String(), http.StatusSeeOther)
	}
}

// AllowedValues passes the parameter on through url.Values.
func AllowedValues(allowed map[string]string, next string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		q := url.Values{}
		for key, want := range allowed {
			got := r.URL.Query().Get(key)
			if got != want {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			q.Set(key, got)
		}
		http.Redirect(w, r, next+"?"+q.Encode(), http.StatusSeeOther)
	}
}

// AllowedConcat appends the parameter to the URL by hand.
func AllowedConcat(allowed map[string]string, next string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		target := next + "?state=x"
		for key, want := range allowed {
			got := r.URL.Query().Get(key)
			if got != want {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			target += "&" + key + "=" + got
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
	}
}

// Near misses: reported.

// Required is a map of required secret headers: nothing is passed on.
func Required(required map[string]string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		for h, want := range required {
			if got := r.Header.Get(h); got != want { // want `value compared with != before rejecting the request as unauthenticated`
				w.WriteHeader(http.StatusForbidden)
				return
			}
		}
	}
}

// RequiredForwarded forwards the checked header upstream in a header.
func RequiredForwarded(required map[string]string, out *http.Request) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		for h, want := range required {
			got := r.Header.Get(h)
			if got != want { // want `value compared with != before rejecting the request as unauthenticated`
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			out.Header.Set(h, got)
		}
	}
}

// RequiredLogged logs the checked value in a key=value line (no query).
func RequiredLogged(required map[string]string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		for h, want := range required {
			got := r.URL.Query().Get(h)
			if got != want { // want `value compared with != before rejecting the request as unauthenticated`
				log.Print(fmt.Sprintf("%s=%s rejected", h, got))
				w.WriteHeader(http.StatusForbidden)
				return
			}
		}
	}
}

// RequiredOther writes another value into the URL, not the checked one.
func RequiredOther(required map[string]string, next string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		for h, want := range required {
			got := r.URL.Query().Get(h)
			if got != want { // want `value compared with != before rejecting the request as unauthenticated`
				w.WriteHeader(http.StatusForbidden)
				return
			}
			next += "&" + h + "=" + want
		}
		http.Redirect(w, r, next, http.StatusSeeOther)
	}
}
