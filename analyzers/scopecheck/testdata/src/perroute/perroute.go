package perroute // want package:"analyzed"

// Package perroute: gorilla/mux registrations each wrapped in the
// access level it needs, the way portainer's bouncer is used. A read
// route wrapped in "any signed-in user" beside write routes of the same
// resource wrapped in another level of the same checker is a decided
// policy; a read route whose siblings all share its level, or that sits
// under a blanket middleware, is still judged.

import (
	"net/http"

	"github.com/gorilla/mux"
)

// Bouncer is the access-control service, out of sight behind an
// interface (portainer's security.BouncerService): its methods are
// known only by their names.
type Bouncer interface {
	// AuthenticatedAccess admits any signed-in user.
	AuthenticatedAccess(next http.Handler) http.Handler
	// AdminAccess: another level of the same checker (scopecheck does
	// not know it authorizes by its name).
	AdminAccess(next http.Handler) http.Handler
}

var tags = map[string]string{}
var templates = map[string]string{}
var notes = map[string]string{}

func tagList(w http.ResponseWriter, r *http.Request)   { _ = tags["x"] }
func tagCreate(w http.ResponseWriter, r *http.Request) { tags[r.FormValue("name")] = "" }
func tagDelete(w http.ResponseWriter, r *http.Request) { delete(tags, mux.Vars(r)["id"]) }

func templateFile(w http.ResponseWriter, r *http.Request) { _ = templates[mux.Vars(r)["id"]] }
func templateDelete(w http.ResponseWriter, r *http.Request) {
	delete(templates, mux.Vars(r)["id"])
}

func noteList(w http.ResponseWriter, r *http.Request)   { _ = notes["x"] }
func noteDelete(w http.ResponseWriter, r *http.Request) { delete(notes, mux.Vars(r)["id"]) }

func statusNodes(w http.ResponseWriter, r *http.Request) { _ = tags["nodes"] }
func upgrade(w http.ResponseWriter, r *http.Request)     { tags["version"] = r.FormValue("v") }

func Routes(b Bouncer) *mux.Router {
	h := mux.NewRouter()

	// Near miss: the read of tags is "any user", its writes another level.
	h.Handle("/tags", b.AdminAccess(http.HandlerFunc(tagCreate))).Methods(http.MethodPost)
	h.Handle("/tags", b.AuthenticatedAccess(http.HandlerFunc(tagList))).Methods(http.MethodGet)
	h.Handle("/tags/{id}", b.AdminAccess(http.HandlerFunc(tagDelete))).Methods(http.MethodDelete)

	// Positive: every route of templates has the one level; the file
	// read made no choice (portainer's custom template file).
	h.Handle("/templates/{id}/file", b.AuthenticatedAccess(http.HandlerFunc(templateFile))).Methods(http.MethodGet) // want `route "/templates/\{id\}/file" is registered under authenticating middleware`
	h.Handle("/templates/{id}", b.AuthenticatedAccess(http.HandlerFunc(templateDelete))).Methods(http.MethodDelete) // want `route "/templates/\{id\}" is registered under authenticating middleware`

	// Positive: a write wrapped in "any user" beside an admin write is
	// not a read.
	h.Handle("/tags/{id}/rename", b.AuthenticatedAccess(http.HandlerFunc(tagCreate))).Methods(http.MethodPost) // want `route "/tags/\{id\}/rename" is registered under authenticating middleware`

	// Positive: under a blanket middleware no route chose its level.
	api := h.PathPrefix("/api").Subrouter()
	api.Use(b.AuthenticatedAccess)
	api.Handle("/notes", http.HandlerFunc(noteList)).Methods(http.MethodGet)                          // want `route "/notes" is registered under authenticating middleware`
	api.Handle("/notes/{id}", b.AdminAccess(http.HandlerFunc(noteDelete))).Methods(http.MethodDelete) // want `route "/notes/\{id\}" is registered under authenticating middleware`

	// Near miss: sub-routers of one prefix, reads behind one level and
	// writes behind another (portainer's /system).
	sys := h.PathPrefix("/system").Subrouter()
	admin := sys.PathPrefix("/").Subrouter()
	admin.Use(b.AdminAccess)
	admin.Handle("/upgrade", http.HandlerFunc(upgrade)).Methods(http.MethodPost)
	authed := sys.PathPrefix("/").Subrouter()
	authed.Use(b.AuthenticatedAccess)
	authed.Handle("/nodes", http.HandlerFunc(statusNodes)).Methods(http.MethodGet)
	return h
}
