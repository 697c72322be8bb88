package routes // want package:"analyzed"

import (
	"net/http"

	"example.com/web/ui"
)

// New wires the UI; every verdict rests on facts from package ui.
func New(h *ui.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /logout", ui.Sessions(http.HandlerFunc(h.Logout)))                       // silent: the caller's own session
	mux.Handle("GET /app/", ui.Sessions(http.HandlerFunc(h.Shell)))                           // silent: a fixed asset
	mux.Handle("POST /entries/{id}/delete", ui.CSRF(http.HandlerFunc(h.DeleteEntry)))         // silent: CSRF is not authentication
	mux.Handle("POST /api/entries/{id}/delete", ui.Sessions(http.HandlerFunc(h.DeleteEntry))) // want `route "POST /api/entries/{id}/delete" is registered under authenticating middleware ui.Sessions`
	return mux
}
