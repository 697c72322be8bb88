package blind6rules // want package:"analyzed"

// The classes docs/precision-blind6.md fixed, each with its positive and
// its near misses, on net/http 1.22 routes behind authenticating
// middleware:
//   - a context.Context returned by a user-named getter is not the
//     caller's identity (ctxident);
//   - a module's own hash helper passes the credential through to the
//     lookup (hashhelper);
//   - the package's helper returning the caller from the request
//     context is the caller though it is handed the request (ctxcaller);
//   - the element of a collection is a record, not the caller (range);
//   - a role taken from the request and passed on is data, not a
//     required role (requestrole);
//   - a role condition whose branches only log decides nothing (logonly);
//   - the caller's id handed to a call with no result is a record of who
//     acted, not a scope (audit);
//   - a middleware scoping a lookup to the caller and answering 403 or
//     404 authorizes the routes under it (ownmw).

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"log"
	"net/http"
	"strings"
)

type user struct {
	ID, OrgID, Role string
	Staff           bool
}

type contact struct{ Name, Email string }

type userKey struct{}

type store struct{ db *sql.DB }

func (s *store) userByKeyHash(ctx context.Context, h string) (*user, error) {
	var u user
	err := s.db.QueryRowContext(ctx, `SELECT id, org_id, role FROM users WHERE key_hash = $1`, h).Scan(&u.ID, &u.OrgID, &u.Role)
	return &u, err
}

func (s *store) exec(ctx context.Context, q string, args ...any) error {
	_, err := s.db.ExecContext(ctx, q, args...)
	return err
}

func (s *store) insertContacts(ctx context.Context, orgID string, cs []contact) error {
	for _, c := range cs {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO contacts (org_id, name, email) VALUES ($1, $2, $3)`, orgID, c.Name, c.Email); err != nil {
			return err
		}
	}
	return nil
}

func (s *store) addMember(ctx context.Context, orgID, userID, role string) error {
	return s.exec(ctx, `INSERT INTO members (org_id, user_id, role) VALUES ($1, $2, $3)`, orgID, userID, role)
}

func (s *store) audit(ctx context.Context, actor, action, target string) {
	_ = s.exec(ctx, `INSERT INTO audit (actor, action, target) VALUES ($1, $2, $3)`, actor, action, target)
}

func (s *store) isMember(ctx context.Context, projectID, userID string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM members WHERE project_id = $1 AND user_id = $2`, projectID, userID).Scan(&n)
	return n > 0, err
}

type app struct {
	st           *store
	requiredRole string
}

// authn hashes the key inline and looks the hash up.
func (a *app) authn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sum := sha256.Sum256([]byte(r.Header.Get("X-API-Key")))
		u, err := a.st.userByKeyHash(r.Context(), hex.EncodeToString(sum[:]))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
	})
}

// hashToken is the module's own hash helper: its result is the
// credential's lookup key.
func hashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

// authnHashed looks up the bearer token through hashToken.
func (a *app) authnHashed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		u, err := a.st.userByKeyHash(r.Context(), hashToken(raw))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
	})
}

// callerOf returns the caller the authenticating middleware stored.
func callerOf(r *http.Request) *user {
	u, _ := r.Context().Value(userKey{}).(*user)
	return u
}

// claimsOf returns the stored caller in one expression.
func claimsOf(r *http.Request) *user {
	return r.Context().Value(userKey{}).(*user)
}

// requireStaff answers 403 unless the caller is staff.
func (a *app) requireStaff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !claimsOf(r).Staff {
			http.Error(w, "staff only", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// userContext returns the request's context: it may carry the caller,
// it is not the caller's identity.
func userContext(r *http.Request) context.Context { return r.Context() }

// projectMember answers 403 unless the caller is a member of the
// project in the path.
func (a *app) projectMember(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, err := a.st.isMember(r.Context(), r.PathValue("pid"), callerOf(r).ID)
		if err != nil || !ok {
			http.Error(w, "not a member", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// projectVisible answers 404 unless the caller is a member.
func (a *app) projectVisible(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ok, _ := a.st.isMember(r.Context(), r.PathValue("pid"), callerOf(r).ID); !ok {
			http.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// perUserLimit uses the caller's id for a rate limit and answers 429:
// no access decision.
func (a *app) perUserLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, err := a.st.isMember(r.Context(), "quota", callerOf(r).ID)
		if err != nil || !ok {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *app) routes() *http.ServeMux {
	mux := http.NewServeMux()
	h := func(f http.HandlerFunc) http.Handler { return a.authn(f) }

	// ctxident
	mux.Handle("POST /devices/{id}/unlock", h(a.unlock))     // want `route "POST /devices/{id}/unlock" is registered under authenticating middleware`
	mux.Handle("GET /devices", h(a.listDevices))             // near miss: selects by the caller's org
	mux.Handle("DELETE /devices/{id}", h(a.deleteOwnDevice)) // near miss: scoped to the caller's id

	// hashhelper
	mux.Handle("DELETE /keys/{id}", a.authnHashed(http.HandlerFunc(a.deleteKey))) // want `route "DELETE /keys/{id}" is registered under authenticating middleware`
	mux.Handle("POST /keys/{id}/rotate", a.authnHashed(http.HandlerFunc(a.rotateOwnKey)))
	mux.HandleFunc("GET /keys/public", a.publicKeys)

	// ctxcaller
	mux.Handle("GET /contacts", h(a.listContacts))       // near miss: callerOf(r).OrgID selects
	mux.Handle("PUT /contacts/{id}", h(a.updateContact)) // near miss: compared with callerOf(r).OrgID
	mux.Handle("GET /contacts/{id}", h(a.getAnyContact)) // want `route "GET /contacts/{id}" is registered under authenticating middleware`

	mux.Handle("GET /teams", h(a.listTeams))                                      // near miss: claimsOf(r).OrgID selects
	mux.Handle("POST /teams/{id}/close", a.authn(a.requireStaff(h(a.closeTeam)))) // near miss: staff flag in the middleware
	mux.Handle("POST /teams/{id}/archive", h(a.closeTeam))                        // want `route "POST /teams/{id}/archive" is registered under authenticating middleware`

	// range
	mux.Handle("POST /contacts/import", h(a.importContacts)) // want `route "POST /contacts/import" is registered under authenticating middleware`
	mux.Handle("POST /contacts/import-own", h(a.importOwn))  // near miss: into the caller's own org
	mux.Handle("POST /contacts/dedupe", h(a.dedupeOwn))      // near miss: each row compared with the caller
	mux.Handle("GET /channels", h(a.listChannels))           // near miss: each row's owner compared (records count in a comparison)

	// requestrole
	mux.Handle("POST /orgs/{id}/members", h(a.addMember))      // want `route "POST /orgs/{id}/members" is registered under authenticating middleware`
	mux.Handle("POST /orgs/{id}/invite", h(a.inviteByQuery))   // want `route "POST /orgs/{id}/invite" is registered under authenticating middleware`
	mux.Handle("POST /orgs/{id}/members/std", h(a.addDefault)) // near miss: required role from configuration
	mux.Handle("POST /orgs/{id}/guests", h(a.addGuest))        // near miss: role check before the write
	mux.Handle("POST /orgs/{id}/owners", h(a.addOwner))        // near miss: the caller's own role handed on

	// logonly
	mux.Handle("POST /users/{id}/role", h(a.setRoleLogged))    // want `route "POST /users/{id}/role" is registered under authenticating middleware`
	mux.Handle("POST /users/{id}/role2", h(a.setRoleChecked))  // near miss: logs and rejects
	mux.Handle("POST /users/{id}/role3", h(a.setRoleElse))     // near miss: rejects in the else
	mux.Handle("POST /users/{id}/role4", h(a.setRoleAbortLog)) // near miss: logs then returns

	// audit
	mux.Handle("PUT /addresses/{id}", h(a.updateAddressAudited)) // want `route "PUT /addresses/{id}" is registered under authenticating middleware`
	mux.Handle("PUT /my/addresses/{id}", h(a.updateOwnAddress))  // near miss: the caller's id scopes the update
	mux.Handle("GET /my/addresses", h(a.listOwnAddresses))       // near miss: the caller's id selects

	// authnkeys
	mux.Handle("PUT /mirrors/{id}", a.teamKeyAuth(http.HandlerFunc(a.updateMirror)))          // near miss: owner compared with the stored key's id
	mux.Handle("DELETE /mirrors/{id}", a.teamKeyAuth(http.HandlerFunc(a.deleteMirror)))       // want `route "DELETE /mirrors/{id}" is registered under authenticating middleware`
	mux.Handle("POST /mirrors/{id}", a.teamKeyAuth(a.traced(http.HandlerFunc(a.syncMirror)))) // want `route "POST /mirrors/{id}" is registered under authenticating middleware`

	// ownmw
	mux.Handle("PUT /projects/{pid}", a.authn(a.projectMember(http.HandlerFunc(a.renameProject))))  // near miss: membership, 403
	mux.Handle("GET /projects/{pid}", a.authn(a.projectVisible(http.HandlerFunc(a.renameProject)))) // near miss: membership, 404
	mux.Handle("POST /projects/{pid}", a.authn(a.perUserLimit(http.HandlerFunc(a.renameProject))))  // want `route "POST /projects/{pid}" is registered under authenticating middleware`
	return mux
}

func (a *app) unlock(w http.ResponseWriter, r *http.Request) {
	if err := a.st.exec(userContext(r), `UPDATE devices SET locked = false WHERE id = $1`, r.PathValue("id")); err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
	}
}

func (a *app) listDevices(w http.ResponseWriter, r *http.Request) {
	rows, err := a.st.db.QueryContext(userContext(r), `SELECT id FROM devices WHERE org_id = $1`, callerOf(r).OrgID)
	if err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
		return
	}
	rows.Close()
}

func (a *app) deleteOwnDevice(w http.ResponseWriter, r *http.Request) {
	_ = a.st.exec(userContext(r), `DELETE FROM devices WHERE id = $1 AND owner_id = $2`, r.PathValue("id"), callerOf(r).ID)
}

func (a *app) deleteKey(w http.ResponseWriter, r *http.Request) {
	_ = a.st.exec(r.Context(), `DELETE FROM keys WHERE id = $1`, r.PathValue("id"))
}

func (a *app) rotateOwnKey(w http.ResponseWriter, r *http.Request) {
	_ = a.st.exec(r.Context(), `UPDATE keys SET rotated = now() WHERE id = $1 AND user_id = $2`, r.PathValue("id"), callerOf(r).ID)
}

func (a *app) publicKeys(w http.ResponseWriter, r *http.Request) {
	rows, _ := a.st.db.QueryContext(r.Context(), `SELECT pem FROM public_keys`)
	rows.Close()
}

func (a *app) listContacts(w http.ResponseWriter, r *http.Request) {
	rows, _ := a.st.db.QueryContext(r.Context(), `SELECT name FROM contacts WHERE org_id = $1`, callerOf(r).OrgID)
	rows.Close()
}

func (a *app) updateContact(w http.ResponseWriter, r *http.Request) {
	var orgID string
	_ = a.st.db.QueryRowContext(r.Context(), `SELECT org_id FROM contacts WHERE id = $1`, r.PathValue("id")).Scan(&orgID)
	if orgID != callerOf(r).OrgID {
		http.NotFound(w, r)
		return
	}
	_ = a.st.exec(r.Context(), `UPDATE contacts SET name = $2 WHERE id = $1`, r.PathValue("id"), r.FormValue("name"))
}

func (a *app) getAnyContact(w http.ResponseWriter, r *http.Request) {
	rows, _ := a.st.db.QueryContext(r.Context(), `SELECT name FROM contacts WHERE id = $1`, r.PathValue("id"))
	rows.Close()
}

func (a *app) importContacts(w http.ResponseWriter, r *http.Request) {
	var req struct {
		OrgID    string    `json:"org_id"`
		Contacts []contact `json:"contacts"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	_ = a.st.insertContacts(r.Context(), req.OrgID, req.Contacts)
}

func (a *app) importOwn(w http.ResponseWriter, r *http.Request) {
	var cs []contact
	if err := json.NewDecoder(r.Body).Decode(&cs); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	_ = a.st.insertContacts(r.Context(), callerOf(r).OrgID, cs)
}

func (a *app) dedupeOwn(w http.ResponseWriter, r *http.Request) {
	me := callerOf(r)
	for _, c := range []contact{{Email: r.FormValue("email")}} {
		if c.Email == me.ID {
			_ = a.st.exec(r.Context(), `DELETE FROM contacts WHERE email = $1 AND org_id = $2`, c.Email, me.OrgID)
		}
	}
}

func (a *app) addMember(w http.ResponseWriter, r *http.Request) {
	var req struct {
		UserID string `json:"user_id"`
		Role   string `json:"role"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	_ = a.st.addMember(r.Context(), r.PathValue("id"), req.UserID, req.Role)
}

func (a *app) inviteByQuery(w http.ResponseWriter, r *http.Request) {
	_ = a.st.addMember(r.Context(), r.PathValue("id"), r.FormValue("user"), r.URL.Query().Get("role"))
}

func (a *app) addDefault(w http.ResponseWriter, r *http.Request) {
	_ = a.st.addMember(r.Context(), r.PathValue("id"), r.FormValue("user"), a.requiredRole)
}

func (a *app) addGuest(w http.ResponseWriter, r *http.Request) {
	if callerOf(r).Role != "admin" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	_ = a.st.addMember(r.Context(), r.PathValue("id"), r.FormValue("user"), r.FormValue("role"))
}

func (a *app) addOwner(w http.ResponseWriter, r *http.Request) {
	me := callerOf(r)
	_ = a.st.addMember(r.Context(), r.PathValue("id"), r.FormValue("user"), me.Role)
}

func (a *app) setRoleLogged(w http.ResponseWriter, r *http.Request) {
	u := callerOf(r)
	if u.Role != "admin" {
		log.Printf("non-admin %s sets a role", u.ID)
	}
	_ = a.st.exec(r.Context(), `UPDATE users SET role = $2 WHERE id = $1`, r.PathValue("id"), r.FormValue("role"))
}

func (a *app) setRoleChecked(w http.ResponseWriter, r *http.Request) {
	u := callerOf(r)
	if u.Role != "admin" {
		log.Printf("non-admin %s sets a role", u.ID)
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	_ = a.st.exec(r.Context(), `UPDATE users SET role = $2 WHERE id = $1`, r.PathValue("id"), r.FormValue("role"))
}

func (a *app) setRoleElse(w http.ResponseWriter, r *http.Request) {
	u := callerOf(r)
	if u.Role == "admin" {
		log.Printf("admin %s sets a role", u.ID)
	} else {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	_ = a.st.exec(r.Context(), `UPDATE users SET role = $2 WHERE id = $1`, r.PathValue("id"), r.FormValue("role"))
}

func (a *app) setRoleAbortLog(w http.ResponseWriter, r *http.Request) {
	if callerOf(r).Role != "admin" {
		log.Print("denied")
		return
	}
	_ = a.st.exec(r.Context(), `UPDATE users SET role = $2 WHERE id = $1`, r.PathValue("id"), r.FormValue("role"))
}

func (a *app) updateAddressAudited(w http.ResponseWriter, r *http.Request) {
	a.st.audit(r.Context(), callerOf(r).ID, "address.update", r.PathValue("id"))
	_ = a.st.exec(r.Context(), `UPDATE addresses SET line1 = $2 WHERE id = $1`, r.PathValue("id"), r.FormValue("line1"))
}

func (a *app) updateOwnAddress(w http.ResponseWriter, r *http.Request) {
	a.st.audit(r.Context(), callerOf(r).ID, "address.update", r.PathValue("id"))
	_ = a.st.exec(r.Context(), `UPDATE addresses SET line1 = $2 WHERE id = $1 AND user_id = $3`, r.PathValue("id"), r.FormValue("line1"), callerOf(r).ID)
}

func (a *app) listOwnAddresses(w http.ResponseWriter, r *http.Request) {
	rows, _ := a.st.db.QueryContext(r.Context(), `SELECT line1 FROM addresses WHERE user_id = $1`, callerOf(r).ID)
	rows.Close()
}

func (a *app) renameProject(w http.ResponseWriter, r *http.Request) {
	_ = a.st.exec(r.Context(), `UPDATE projects SET name = $2 WHERE id = $1`, r.PathValue("pid"), r.FormValue("name"))
}

func (a *app) listTeams(w http.ResponseWriter, r *http.Request) {
	rows, _ := a.st.db.QueryContext(r.Context(), `SELECT name FROM teams WHERE org_id = $1`, claimsOf(r).OrgID)
	rows.Close()
}

func (a *app) closeTeam(w http.ResponseWriter, r *http.Request) {
	_ = a.st.exec(r.Context(), `UPDATE teams SET closed = true WHERE id = $1`, r.PathValue("id"))
}

type channel struct{ ID, TenantID string }

type tenant struct{ ID string }

func tenantOf(r *http.Request) *tenant { return &tenant{ID: callerOf(r).OrgID} }

func (a *app) listChannels(w http.ResponseWriter, r *http.Request) {
	t := tenantOf(r)
	rows, err := a.st.db.QueryContext(r.Context(), `SELECT id, tenant_id FROM channels`)
	if err != nil {
		return
	}
	defer rows.Close()
	var all []channel
	for rows.Next() {
		var ch channel
		_ = rows.Scan(&ch.ID, &ch.TenantID)
		all = append(all, ch)
	}
	enc := json.NewEncoder(w)
	for _, ch := range all {
		if ch.TenantID == t.ID {
			_ = enc.Encode(ch)
		}
	}
}

type teamKey struct{ ID, Team string }

type keyCtx struct{}

type spanCtx struct{}

type span struct{ ID string }

func (s *store) teamKeyByHash(ctx context.Context, h string) (*teamKey, error) {
	var k teamKey
	err := s.db.QueryRowContext(ctx, `SELECT id, team FROM team_keys WHERE hash = $1`, h).Scan(&k.ID, &k.Team)
	return &k, err
}

// teamKeyAuth stores the team key it looked up under keyCtx{}: the
// value there is the caller, though neither name says so.
func (a *app) teamKeyAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sum := sha256.Sum256([]byte(r.Header.Get("X-API-Key")))
		k, err := a.st.teamKeyByHash(r.Context(), hex.EncodeToString(sum[:]))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), keyCtx{}, k)))
	})
}

// traced stores a span under spanCtx{}: no caller.
func (a *app) traced(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), spanCtx{}, &span{ID: r.Header.Get("X-Span")})))
	})
}

func keyFrom(r *http.Request) *teamKey {
	k, _ := r.Context().Value(keyCtx{}).(*teamKey)
	return k
}

func spanFrom(r *http.Request) *span {
	sp, _ := r.Context().Value(spanCtx{}).(*span)
	return sp
}

func (a *app) mirrorOwner(ctx context.Context, id string) string {
	var owner string
	_ = a.st.db.QueryRowContext(ctx, `SELECT owner_key_id FROM mirrors WHERE id = $1`, id).Scan(&owner)
	return owner
}

func (a *app) updateMirror(w http.ResponseWriter, r *http.Request) {
	if a.mirrorOwner(r.Context(), r.PathValue("id")) != keyFrom(r).ID {
		http.Error(w, "not your mirror", http.StatusForbidden)
		return
	}
	_ = a.st.exec(r.Context(), `UPDATE mirrors SET url = $2 WHERE id = $1`, r.PathValue("id"), r.FormValue("url"))
}

func (a *app) deleteMirror(w http.ResponseWriter, r *http.Request) {
	_ = a.st.exec(r.Context(), `DELETE FROM mirrors WHERE id = $1`, r.PathValue("id"))
}

func (a *app) syncMirror(w http.ResponseWriter, r *http.Request) {
	if a.mirrorOwner(r.Context(), r.PathValue("id")) == spanFrom(r).ID {
		return
	}
	_ = a.st.exec(r.Context(), `INSERT INTO sync_jobs (mirror_id) VALUES ($1)`, r.PathValue("id"))
}
