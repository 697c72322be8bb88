// Package generic checks that generic code is analyzed without a
// crash, and that a generic redirect helper is followed.
package generic

import (
	"net/http"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{}

type target struct{ URL string }

type withURL interface{ *target }

// pick reads a field through a type parameter.
func pick[T withURL](t T) string {
	return (*target)(t).URL
}

func first[S ~[]E, E any](s S) E { return s[0] }

func callback(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
	t := &target{URL: r.FormValue("next")}
	http.Redirect(w, r, pick(t), http.StatusFound)                  // generic helper: not followed
	http.Redirect(w, r, first([]string{"/home"}), http.StatusFound) // constant
}

func loginCallback(w http.ResponseWriter, r *http.Request) {
	tok, _ := conf.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
	http.Redirect(w, r, first(r.URL.Query()["next"]), http.StatusFound) // generic helper: not followed
}
