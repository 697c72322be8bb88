// Package verdict validates redirect URIs with functions whose verdict
// is a bool field of the struct they return (check.Valid), in this
// package and in another one known through facts.
package verdict

import (
	"errors"
	"net/http"

	"example.com/redirectcheck"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{}

type redirectCheck struct {
	Valid          bool
	SelfRegistered bool
}

type provider struct {
	allowed  map[string]bool
	registry *redirectcheck.Registry
	clients  map[string][]string
}

// checkRedirect checks uri against the client's registered URIs or the
// global allow-list.
func (p *provider) checkRedirect(clientID, uri string) (redirectCheck, error) {
	if clientID == "" {
		return redirectCheck{Valid: p.allowed[uri]}, nil
	}
	list, ok := p.clients[clientID]
	if !ok {
		return redirectCheck{}, errors.New("unknown client")
	}
	return redirectCheck{Valid: matchesAny(list, uri), SelfRegistered: true}, nil
}

func matchesAny(list []string, uri string) bool {
	for _, u := range list {
		if u == uri {
			return true
		}
	}
	return false
}

// describe returns a struct with a bool field but never checks uri.
func (p *provider) describe(clientID, uri string) redirectCheck {
	_ = uri
	return redirectCheck{Valid: clientID != ""}
}

// Near miss: the verdict of a local check, read from a field.
func (p *provider) callback(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
	uri := r.FormValue("redirect_uri")
	check, err := p.checkRedirect(r.FormValue("client_id"), uri)
	if err != nil || !check.Valid {
		http.Error(w, "invalid redirect_uri", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, uri, http.StatusFound) // checked by checkRedirect
}

// Near miss: the verdict of another package's check, known by a fact.
func (p *provider) callbackRegistry(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
	uri := r.FormValue("redirect_uri")
	res, err := p.registry.Check(r.FormValue("client_id"), uri)
	if err != nil || !res.Allowed {
		http.Error(w, "invalid redirect_uri", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, uri, http.StatusFound) // checked by Registry.Check
}

// Positive: the struct has a bool field, but the function never checks
// the URI.
func (p *provider) callbackDescribed(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
	uri := r.FormValue("redirect_uri")
	if !p.describe(r.FormValue("client_id"), uri).Valid {
		return
	}
	http.Redirect(w, r, uri, http.StatusFound) // want `the form value "redirect_uri"`
}

// Positive: the same from another package.
func (p *provider) callbackRegistryDescribed(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
	uri := r.FormValue("redirect_uri")
	if !p.registry.Describe(r.FormValue("client_id"), uri).Allowed {
		return
	}
	http.Redirect(w, r, uri, http.StatusFound) // want `the form value "redirect_uri"`
}
