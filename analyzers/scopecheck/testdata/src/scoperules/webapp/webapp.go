// Package webapp registers handlers written in kit's shape, through
// kit's adapter and wrapper (the facts of another package).
package webapp

import (
	"database/sql"
	"net/http"
	"strconv"

	"github.com/gorilla/mux"

	"scoperules/kit"
)

type App struct {
	db *sql.DB
}

func (a *App) listLabels(s kit.Sessions, c *kit.Ctx) {
	if kit.RequireMember(c) != nil {
		return
	}
	a.db.Query("SELECT * FROM labels")
}

func (a *App) createLabel(s kit.Sessions, c *kit.Ctx) {
	if kit.RequireMember(c) != nil {
		return
	}
	a.db.Exec("INSERT INTO labels(name) VALUES ($1)", c.R.FormValue("name"))
}

func (a *App) deleteLabel(s kit.Sessions, c *kit.Ctx) {
	if kit.RequireAdmin(c) != nil {
		return
	}
	id, _ := strconv.Atoi(c.R.PathValue("id"))
	a.db.Exec("DELETE FROM labels WHERE id = $1", id)
}

func (a *App) auditLog(s kit.Sessions, c *kit.Ctx) {
	if kit.RequireMember(c) != nil {
		return
	}
	a.db.Query("SELECT * FROM audit")
}

func (a *App) refresh(s kit.Sessions, c *kit.Ctx) {
	if kit.RequireMember(c) != nil {
		return
	}
	tok, _ := s.NewSessionToken(c.Member())
	http.SetCookie(c.W, &http.Cookie{Name: "session", Value: tok})
}

func (a *App) publicStats(s kit.Sessions, c *kit.Ctx) {
	a.db.Query("SELECT count(*) FROM labels")
}

func (a *App) Routes(s kit.Sessions) *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /labels", kit.Adapt(s, a.listLabels))          // NEG: reads beside an admin-only delete of the same resource
	m.HandleFunc("POST /labels", kit.Adapt(s, a.createLabel))        // POS:rules-create-label
	m.HandleFunc("DELETE /labels/{id}", kit.Adapt(s, a.deleteLabel)) // NEG: admin
	m.HandleFunc("GET /audit", kit.Adapt(s, a.auditLog))             // POS:rules-audit
	m.HandleFunc("POST /session/refresh", kit.Adapt(s, a.refresh))   // NEG: issues a session token
	m.HandleFunc("GET /stats", kit.Adapt(s, a.publicStats))          // NEG: no authentication at all
	return m
}

func purge(w http.ResponseWriter, r *http.Request) {
	db.Exec("DELETE FROM labels")
}

func whoami(w http.ResponseWriter, r *http.Request) { w.Write([]byte("you")) }

var db *sql.DB

func Wrapped(keys kit.Keys) *http.ServeMux {
	m := http.NewServeMux()
	m.Handle("POST /purge", kit.KeyAuth{Keys: keys, Next: http.HandlerFunc(purge)})  // POS:rules-wrapper
	m.Handle("GET /whoami", kit.KeyAuth{Keys: keys, Next: http.HandlerFunc(whoami)}) // NEG: does no work
	m.Handle("GET /", kit.Page{Title: "home", Fallback: http.HandlerFunc(purge)})    // NEG: Page wraps nothing and authenticates nothing
	return m
}

// keyed authenticates an API key and stores the account id.
func keyed(keys kit.Keys, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := keys.Valid(r.Header.Get("X-API-Key")); !ok {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type userClaims struct{ UserID string }

func deleteUserData(w http.ResponseWriter, r *http.Request) {
	// The user id comes from the path: whoever calls picks it.
	db.Exec("DELETE FROM data WHERE user_id = $1", mux.Vars(r)["user_id"])
}

func deleteOwnData(w http.ResponseWriter, r *http.Request) {
	c := r.Context().Value("claims").(*userClaims)
	db.Exec("DELETE FROM data WHERE user_id = $1", c.UserID)
}

func PathIDs(keys kit.Keys) *mux.Router {
	r := mux.NewRouter()
	r.Handle("/users/{user_id}/data", keyed(keys, http.HandlerFunc(deleteUserData))).Methods("DELETE") // POS:rules-pathid
	r.Handle("/me/data", keyed(keys, http.HandlerFunc(deleteOwnData))).Methods("DELETE")               // NEG: the caller's own id
	return r
}

func dropLabels(w http.ResponseWriter, r *http.Request, m *kit.Member) {
	db.Exec("DELETE FROM labels")
}

func dropMyLabels(w http.ResponseWriter, r *http.Request, m *kit.Member) {
	db.Exec("DELETE FROM labels WHERE member_id = $1", m.ID)
}

func dropAllAsAdmin(w http.ResponseWriter, r *http.Request, m *kit.Member) {
	if !m.Admin {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	db.Exec("DELETE FROM labels")
}

func MemberRoutes() *http.ServeMux {
	m := http.NewServeMux()
	m.Handle("DELETE /labels", kit.MemberFunc(dropLabels))           // POS:rules-functype
	m.Handle("DELETE /my/labels", kit.MemberFunc(dropMyLabels))      // NEG: the member's own labels
	m.Handle("DELETE /admin/labels", kit.MemberFunc(dropAllAsAdmin)) // NEG: admin flag
	return m
}
