// Package claimparam: a claim of the token the request presented, read
// from what verifying or introspecting that token returned, is the
// caller's attribute. Comparing it with a value the request asks for
// (a path parameter) before a 403 is an authorization check, not a
// presented credential against one the program holds. A value the
// program holds (its configuration) compared with the request's value
// before a 401/403 still is a credential check.
package claimparam

import (
	"context"
	"net/http"
	"strings"
)

type IntrospectionResponse struct {
	Active bool
	Claims map[string]any
}

type Provider struct{ key string }

type Config struct{ Value string }

func Introspect[R any](ctx context.Context, p *Provider, token string) (R, error) {
	var r R
	return r, nil
}

func checkToken(w http.ResponseWriter, r *http.Request) (bool, string) {
	auth := r.Header.Get("authorization")
	if auth == "" {
		http.Error(w, "auth header missing", http.StatusUnauthorized)
		return false, ""
	}
	return true, strings.TrimPrefix(auth, "Bearer ")
}

// Near misses.

// Protected answers when the introspected token carries the claim the
// path asks for (zitadel/oidc's example resource server).
func Protected(p *Provider) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ok, token := checkToken(w, r)
		if !ok {
			return
		}
		resp, err := Introspect[*IntrospectionResponse](r.Context(), p, token)
		if err != nil {
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		}
		requestedClaim := r.PathValue("claim")
		requestedValue := r.PathValue("value")
		value, ok := resp.Claims[requestedClaim].(string)
		if !ok || value == "" || value != requestedValue {
			http.Error(w, "claim does not match", http.StatusForbidden)
			return
		}
		w.Write([]byte("authorized with value " + value))
	}
}

// Verify decodes the claims of a token into the type asked for.
func Verify[C any](token string) (C, error) {
	var c C
	return c, nil
}

// Tenant answers when the verified token's tenant is the one the path
// names.
func Tenant(w http.ResponseWriter, r *http.Request) {
	ok, token := checkToken(w, r)
	if !ok {
		return
	}
	claims, err := Verify[map[string]string](token)
	if err != nil {
		http.Error(w, "bad token", http.StatusUnauthorized)
		return
	}
	tenant := claims["tenant"]
	if tenant != r.PathValue("tenant") {
		http.Error(w, "other tenant", http.StatusForbidden)
		return
	}
	w.Write([]byte("ok"))
}

// Positives.

// Configured compares the path's value with one the program holds.
func Configured(cfg *Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		requestedValue := r.PathValue("value")
		if requestedValue != cfg.Value { // want `value compared with != before rejecting the request as unauthenticated`
			http.Error(w, "no", http.StatusForbidden)
			return
		}
		w.Write([]byte("ok"))
	}
}

// Keyed compares the path's key with a key the program holds, kept as
// a generic setting.
func Keyed(settings map[string]string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		want := setting[string](settings, "hook")
		if r.PathValue("key") != want { // want `value compared with != before rejecting the request as unauthenticated`
			http.Error(w, "no", http.StatusUnauthorized)
			return
		}
		w.Write([]byte("ok"))
	}
}

func setting[T ~string](m map[string]string, k string) T { return T(m[k]) }
