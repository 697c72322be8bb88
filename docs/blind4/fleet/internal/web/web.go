// Package web is the fleet console API (chi).
package web

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/blind4/fleet/internal/oidcauth"
	"example.com/blind4/fleet/internal/vehicles"
)

// API serves the console.
type API struct {
	Auth      *oidcauth.Auth
	Store     *vehicles.Store
	OpsUser   string
	OpsPasswd string
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// Router builds the routes.
func (a *API) Router() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Recoverer)
	r.Get("/auth/login", a.Auth.Login)
	r.Get("/auth/callback", a.Auth.Callback) // NEAR scopecheck s09
	r.Get("/auth/kiosk", a.Auth.KioskLogin)
	r.Get("/auth/kiosk/callback", a.Auth.KioskCallback)
	r.Get("/auth/mobile", a.Auth.MobileLogin)
	r.Get("/auth/mobile/callback", a.Auth.MobileCallback)

	r.Route("/api", func(r chi.Router) {
		r.Use(a.Auth.Require)
		r.Get("/me", a.me)                                                               // NEAR scopecheck s10
		r.Get("/me/vehicles", a.myVehicles)                                              // NEAR scopecheck s11
		r.Get("/vehicles/{id}", a.getVehicle)                                            // WANT scopecheck S05
		r.Delete("/vehicles/{id}", a.deleteVehicle)                                      // WANT scopecheck S06
		r.Post("/vehicles/{id}/dispatch", a.dispatch)                                    // WANT scopecheck S07
		r.With(oidcauth.RequireGroup("fleet-admins")).Post("/vehicles", a.createVehicle) // NEAR scopecheck s12
		r.Group(func(r chi.Router) {
			r.Use(oidcauth.RequireGroup("dispatchers"))
			r.Post("/vehicles/{id}/recall", a.recall) // NEAR scopecheck s13
		})
		r.Post("/vehicles/{id}/status", a.setStatus) // NEAR scopecheck s14
	})

	r.Route("/ops", func(r chi.Router) {
		r.Use(middleware.BasicAuth("fleet-ops", map[string]string{a.OpsUser: a.OpsPasswd}))
		r.Post("/vehicles/{id}/decommission", a.deleteVehicle) // NEAR scopecheck s15
	})
	return r
}

func (a *API) me(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, oidcauth.OperatorFrom(r.Context()))
}

func (a *API) myVehicles(w http.ResponseWriter, r *http.Request) {
	op := oidcauth.OperatorFrom(r.Context())
	writeJSON(w, a.Store.ByDriver(op.Subject))
}

func (a *API) getVehicle(w http.ResponseWriter, r *http.Request) {
	v, err := a.Store.Get(chi.URLParam(r, "id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, v)
}

func (a *API) deleteVehicle(w http.ResponseWriter, r *http.Request) {
	a.Store.Delete(chi.URLParam(r, "id"))
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) dispatch(w http.ResponseWriter, r *http.Request) {
	if err := a.Store.SetStatus(chi.URLParam(r, "id"), "dispatched"); err != nil {
		http.NotFound(w, r)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (a *API) createVehicle(w http.ResponseWriter, r *http.Request) {
	var v vehicles.Vehicle
	if err := json.NewDecoder(r.Body).Decode(&v); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	a.Store.Put(&v)
	w.WriteHeader(http.StatusCreated)
}

func (a *API) recall(w http.ResponseWriter, r *http.Request) {
	_ = a.Store.SetStatus(chi.URLParam(r, "id"), "recalled")
	w.WriteHeader(http.StatusAccepted)
}

// setStatus lets a driver update the status of a vehicle assigned to them.
func (a *API) setStatus(w http.ResponseWriter, r *http.Request) {
	op := oidcauth.OperatorFrom(r.Context())
	v, err := a.Store.Get(chi.URLParam(r, "id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if v.Driver != op.Subject {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	var body struct{ Status string }
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	_ = a.Store.SetStatus(v.ID, body.Status)
	w.WriteHeader(http.StatusNoContent)
}

// DeviceTelemetry receives positions from the in-cab devices.
func (a *API) DeviceTelemetry(w http.ResponseWriter, r *http.Request) {
	op, err := oidcauth.DeviceOperator(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var pos struct{ Lat, Lon float64 }
	_ = json.NewDecoder(r.Body).Decode(&pos)
	for _, v := range a.Store.ByDriver(op.Subject) {
		v.Lat, v.Lon = pos.Lat, pos.Lon
	}
	w.WriteHeader(http.StatusNoContent)
}
