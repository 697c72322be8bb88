// Package wrapguard holds login handlers that redirect to a request
// parameter checked by a middleware wrapping them at registration,
// beside handlers whose wrapper checks another parameter, checks
// nothing, or that are also reachable without the wrapper.
package wrapguard

import (
	"net/http"
	"net/url"
	"strings"
)

type authenticator struct {
	domains []string
	routes  map[string]http.HandlerFunc
}

func validRedirect(uri string, domains []string) bool {
	u, err := url.Parse(uri)
	if err != nil || u.Host == "" {
		return false
	}
	for _, d := range domains {
		if strings.HasSuffix(u.Hostname(), d) {
			return true
		}
	}
	return false
}

// validateRedirectURI calls next only when redirect_uri is allowed.
func (p *authenticator) validateRedirectURI(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !validRedirect(r.Form.Get("redirect_uri"), p.domains) {
			http.Error(w, "bad redirect", http.StatusBadRequest)
			return
		}
		next(w, r)
	}
}

// validateNext checks "next", a different parameter.
func (p *authenticator) validateNext(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !validRedirect(r.FormValue("next"), p.domains) {
			http.Error(w, "bad redirect", http.StatusBadRequest)
			return
		}
		next(w, r)
	}
}

// withMethods checks the method only and passes the handler on.
func (p *authenticator) withMethods(f http.HandlerFunc, methods ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for _, m := range methods {
			if r.Method == m {
				f(w, r)
				return
			}
		}
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// logged wraps an http.Handler and checks nothing.
func logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

// requireAllowed is the http.Handler form of the check.
func requireAllowed(domains []string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !validRedirect(r.URL.Query().Get("redirect_uri"), domains) {
			http.Error(w, "bad redirect", http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (p *authenticator) mux() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("/sign_in", p.withMethods(p.validateRedirectURI(p.SignIn), "GET"))
	m.HandleFunc("/sign_out", p.validateRedirectURI(p.SignOut))
	m.HandleFunc("/login", p.validateNext(p.Login))
	m.Handle("/logout", logged(http.HandlerFunc(p.Logout)))
	m.Handle("/oauth/callback", logged(requireAllowed(p.domains, http.HandlerFunc(p.OAuthCallback))))
	m.HandleFunc("/signin2", p.validateRedirectURI(p.SignIn2))
	m.HandleFunc("/signin2-raw", p.SignIn2)
	p.routes["/sso"] = p.validateRedirectURI(p.SSO)
	m.HandleFunc("/auth", authorize)
	return m
}

// SignIn is wrapped (through withMethods) by the check: silent.
func (p *authenticator) SignIn(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.Form.Get("redirect_uri"), http.StatusFound)
}

// SignOut is wrapped by the check, and renders signOutPage: silent.
func (p *authenticator) SignOut(w http.ResponseWriter, r *http.Request) {
	p.signOutPage(w, r)
}

// signOutPage is called only from the wrapped SignOut: silent.
func (p *authenticator) signOutPage(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("redirect_uri"), http.StatusFound)
}

// Login's wrapper checks "next", not "redirect_uri".
func (p *authenticator) Login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound) // want `http.Redirect sends the browser to the form value "redirect_uri" without an allow-list`
}

// Logout's wrapper checks nothing.
func (p *authenticator) Logout(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound) // want `http.Redirect sends the browser to the form value "redirect_uri" without an allow-list`
}

// OAuthCallback is wrapped by the http.Handler form of the check,
// itself wrapped by a logger: silent.
func (p *authenticator) OAuthCallback(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound)
}

// SignIn2 is also registered without the wrapper.
func (p *authenticator) SignIn2(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound) // want `http.Redirect sends the browser to the form value "redirect_uri" without an allow-list`
}

// SSO is wrapped, and the wrapped handler is stored in a route table
// the wrapper's result goes to: still silent, the wrapper is the only
// way to it.
func (p *authenticator) SSO(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound)
}

// authorize is registered bare.
func authorize(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound) // want `http.Redirect sends the browser to the form value "redirect_uri" without an allow-list`
}

// signinDirect is called from a bare handler and from a wrapped one.
func signinDirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound) // want `http.Redirect sends the browser to the form value "redirect_uri" without an allow-list`
}

// loginBare calls signinDirect unwrapped.
func loginBare(w http.ResponseWriter, r *http.Request) { signinDirect(w, r) }

// loginWrapped calls it wrapped.
func loginWrapped(w http.ResponseWriter, r *http.Request) { signinDirect(w, r) }

// routes registers LoginWrapped behind the check.
func routes(p *authenticator, m *http.ServeMux) {
	m.HandleFunc("/login-wrapped", p.validateRedirectURI(loginWrapped))
}
