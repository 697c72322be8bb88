// Package derived validates a redirect URI through a copy that a helper
// of the package computes from it (its normalised origin): a check of
// the copy is a check of the URI.
package derived

import (
	"net/http"
	"net/url"
	"strings"

	"example.com/originval"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{}

var allowedOrigins = []string{"app.example.com"}

// normalizeOrigin returns the host[:port] of raw.
func normalizeOrigin(raw string) string {
	raw = strings.TrimSpace(raw)
	if !strings.HasPrefix(raw, "http://") && !strings.HasPrefix(raw, "https://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Hostname()
}

func originMatches(configured, candidate string) bool {
	return normalizeOrigin(configured) == candidate
}

// isValidRedirect checks the URI's origin, computed by a helper.
func isValidRedirect(uri string) bool {
	origin := normalizeOrigin(uri)
	for _, o := range allowedOrigins {
		if originMatches(o, origin) {
			return true
		}
	}
	return false
}

// label computes a string from the URI that is not the URI: a check of
// it says nothing about where the redirect goes.
func label(uri string) string {
	if len(uri) > 8 {
		return "long"
	}
	return "short"
}

func isShort(uri string) bool {
	return label(uri) == "short"
}

// Near miss: the URI's origin, computed by a helper, is looked up.
func callback(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
	next := r.FormValue("next")
	if !isValidRedirect(next) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // checked through its origin
}

// Positive: a value computed from the URI that is not the URI is
// compared.
func callbackLabel(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
	next := r.FormValue("next")
	if !isShort(next) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // want `the form value "next"`
}

// Near miss: the same checks in another package, known by a fact.
func callbackImported(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
	next := strings.TrimSpace(r.URL.Query().Get("redirect_uri"))
	if next != "" && !originval.IsValidRedirectURI(next, allowedOrigins, r.Host) {
		http.Error(w, "invalid redirect uri", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, next, http.StatusFound) // checked in another package
}
