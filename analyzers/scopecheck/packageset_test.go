package scopecheck_test

import (
	"sort"
	"strings"
	"testing"
)

// packageSetTree is a module whose router (package router) registers,
// behind an authenticating middleware, a handler of package api that
// works with no authorization, and one of package admin that
// authorizes.
var packageSetTree = map[string]string{
	"go.mod": "module example.com/svc\n\ngo 1.22\n",
	"store/store.go": `package store

type User struct{ Name string }

var users = map[string]*User{}

func Lookup(key string) (*User, bool) { u, ok := users[key]; return u, ok }

var rows = map[string]string{}

func Delete(id string) { delete(rows, id) }
`,
	"api/api.go": `package api

import (
	"net/http"

	"example.com/svc/store"
)

func DeleteItem(w http.ResponseWriter, r *http.Request) { store.Delete(r.PathValue("id")) }
`,
	"admin/admin.go": `package admin

import (
	"net/http"

	"example.com/svc/store"
)

func DeleteUser(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Role") != "admin" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	store.Delete(r.PathValue("id"))
}
`,
	"audit/audit.go": `package audit

var log []string

func Record(id string) { log = append(log, id) }
`,
	"handlers/handlers.go": `package handlers

import (
	"net/http"

	"example.com/svc/audit"
	"example.com/svc/store"
)

func DeleteItem(w http.ResponseWriter, r *http.Request) {
	if _, ok := store.Lookup(r.Header.Get("X-API-Key")); !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	audit.Record(r.PathValue("id"))
	store.Delete(r.PathValue("id"))
}
`,
	"router/router.go": `package router

import (
	"net/http"

	"example.com/svc/admin"
	"example.com/svc/api"
	"example.com/svc/store"
)

func auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := store.Lookup(r.Header.Get("X-API-Key")); !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func Routes(mux *http.ServeMux) {
	mux.Handle("DELETE /items/{id}", auth(http.HandlerFunc(api.DeleteItem)))
	mux.Handle("DELETE /users/{id}", auth(http.HandlerFunc(admin.DeleteUser)))
}
`,
}

// TestVerdictsDoNotDependOnPackageSet: a handler whose package of the
// module was not analysed (not named on the command line) has no
// facts, so whether it authorizes is unknown and its route is not
// reported; named, the same route is judged on its facts. A handler
// that calls into such a package is unknown the same way.
func TestVerdictsDoNotDependOnPackageSet(t *testing.T) {
	dir := writeTree(t, packageSetTree)
	routes := func(patterns ...string) []string {
		t.Helper()
		return lintFindings(t, dir, patterns...)
	}
	if got := routes("./router"); len(got) != 0 {
		t.Errorf("router alone: got %v, want nothing (api and admin not analysed: unknown)", got)
	}
	if got := routes("./handlers"); len(got) != 0 {
		t.Errorf("handlers alone: got %v, want nothing (the handler calls audit, not analysed: unknown)", got)
	}
	got := routes("./...")
	want := []string{"scopecheck/handler handlers/handlers.go:10:6", "scopecheck/route router/router.go:22:2"}
	sort.Strings(got)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("whole module: got %v, want %v (the api.DeleteItem route and the handler that authenticates itself)", got, want)
	}
}
