// Package gorillaapp is an invoicing service on gorilla/mux with
// sub-routers and Use, API keys looked up in a store.
package gorillaapp

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/gorilla/mux"
)

type Account struct {
	ID      int64
	IsAdmin bool
}

type ctxAccount struct{}

type App struct {
	DB *sql.DB
}

func (a *App) accountForKey(key string) (*Account, error) {
	var acc Account
	err := a.DB.QueryRow("SELECT id, is_admin FROM api_keys WHERE key = $1", key).Scan(&acc.ID, &acc.IsAdmin)
	if err != nil {
		return nil, err
	}
	return &acc, nil
}

func (a *App) apiKeyMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		acc, err := a.accountForKey(r.Header.Get("X-API-Key"))
		if err != nil {
			http.Error(w, "invalid api key", http.StatusUnauthorized)
			return
		}
		ctx := context.WithValue(r.Context(), ctxAccount{}, acc)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func adminOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		acc := r.Context().Value(ctxAccount{}).(*Account)
		if !acc.IsAdmin {
			http.Error(w, "admins only", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *App) DeleteInvoice(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	if _, err := a.DB.Exec("DELETE FROM invoices WHERE id = $1", id); err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
	}
}

func (a *App) MarkPaid(w http.ResponseWriter, r *http.Request) {
	acc := r.Context().Value(ctxAccount{}).(*Account)
	id := mux.Vars(r)["id"]
	// Only the account's own invoices.
	if _, err := a.DB.Exec("UPDATE invoices SET paid = true WHERE id = $1 AND account_id = $2", id, acc.ID); err != nil {
		http.Error(w, "db", http.StatusInternalServerError)
	}
}

func (a *App) PurgeAll(w http.ResponseWriter, r *http.Request) {
	a.DB.Exec("DELETE FROM invoices")
}

func (a *App) ExportAll(w http.ResponseWriter, r *http.Request) {
	a.DB.Exec("INSERT INTO exports SELECT * FROM invoices")
}

func (a *App) Router() *mux.Router {
	r := mux.NewRouter()
	api := r.PathPrefix("/api").Subrouter()
	api.Use(a.apiKeyMiddleware)
	api.HandleFunc("/invoices/{id}", a.DeleteInvoice).Methods("DELETE") // POS:gorilla-delete
	api.HandleFunc("/invoices/{id}/paid", a.MarkPaid).Methods("POST")   // NEG: scoped to the caller's account
	api.HandleFunc("/invoices/purge", a.PurgeAll).Methods("POST")       // POS:gorilla-purge
	admin := api.PathPrefix("/admin").Subrouter()
	admin.Use(adminOnly)
	admin.HandleFunc("/export", a.ExportAll).Methods("POST") // NEG: admin sub-router
	return r
}
