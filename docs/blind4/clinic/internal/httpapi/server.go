// Package httpapi is the clinic's HTTP API (Go 1.22 ServeMux patterns).
package httpapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"example.com/blind4/clinic/internal/auth"
	"example.com/blind4/clinic/internal/records"
)

// Server is the clinic API.
type Server struct {
	verifier   *auth.Verifier
	store      *records.Store
	svc        *records.Service
	labSecret  []byte
	mux        *http.ServeMux
	adminToken string
}

// New builds the server.
func New(v *auth.Verifier, st *records.Store, labSecret []byte, adminToken string) *Server {
	s := &Server{verifier: v, store: st, svc: &records.Service{Store: st}, labSecret: labSecret, adminToken: adminToken, mux: http.NewServeMux()}
	s.routes()
	return s
}

// ServeHTTP serves the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) routes() {
	authn := s.verifier.Authenticate
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	s.mux.HandleFunc("POST /v1/token", s.token)                                                                             // NEAR scopecheck s01
	s.mux.Handle("GET /v1/patients/{id}", authn(http.HandlerFunc(s.getPatient)))                                            // WANT scopecheck S01
	s.mux.Handle("DELETE /v1/patients/{id}", authn(auth.RequireScope("patients:write", http.HandlerFunc(s.deletePatient)))) // NEAR scopecheck s02
	s.mux.Handle("POST /v1/patients/{id}/notes", authn(http.HandlerFunc(s.addNote)))                                        // NEAR scopecheck s03
	s.mux.Handle("GET /v1/me/appointments", authn(http.HandlerFunc(s.myAppointments)))                                      // NEAR scopecheck s04
	s.mux.Handle("PUT /v1/appointments/{id}", authn(http.HandlerFunc(s.updateAppointment)))                                 // WANT scopecheck S02
	s.mux.Handle("POST /v1/patients/{id}/merge/{other}", authn(http.HandlerFunc(s.mergePatients)))                          // NEAR scopecheck s05
	s.mux.Handle("GET /v1/patients", authn(http.HandlerFunc(s.listPatients)))                                               // WANT scopecheck S03
	s.mux.HandleFunc("POST /v1/billing/export", s.exportBilling)                                                            // ALT S04
	s.mux.HandleFunc("POST /v1/lab/results", s.labResults)                                                                  // NEAR scopecheck s06
	s.mux.HandleFunc("POST /v1/lab/results-legacy", s.labResultsLegacy)                                                     // NEAR scopecheck s07
	s.mux.HandleFunc("POST /v1/admin/purge", s.purge)                                                                       // NEAR scopecheck s08
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	var req struct{ User, Password string }
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	// password check elided: the identity provider is out of scope here
	access, err := s.verifier.Issue(req.User, []string{"patients:read"}, nil)
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	refresh, err := s.verifier.IssueRefresh(req.User)
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "clinic_refresh", Value: refresh, Path: "/v1/token", HttpOnly: true})                                        // WANT credexposure C01
	http.SetCookie(w, &http.Cookie{Name: "clinic_access", Value: access, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode}) // NEAR credexposure c01
	http.SetCookie(w, &http.Cookie{Name: "clinic_locale", Value: r.Header.Get("Accept-Language"), Path: "/"})                                         // NEAR credexposure c02
	writeJSON(w, map[string]string{"access_token": access, "token_type": "Bearer"})
}

func (s *Server) getPatient(w http.ResponseWriter, r *http.Request) {
	p, ok := s.store.Patient(r.PathValue("id"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, p)
}

func (s *Server) deletePatient(w http.ResponseWriter, r *http.Request) {
	s.store.DeletePatient(r.PathValue("id"))
	w.WriteHeader(http.StatusNoContent)
}

// requireClinician rejects callers without the clinician role.
func requireClinician(w http.ResponseWriter, r *http.Request) bool {
	c := auth.FromContext(r.Context())
	if c == nil || !c.HasRole("clinician") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return false
	}
	return true
}

func (s *Server) addNote(w http.ResponseWriter, r *http.Request) {
	if !requireClinician(w, r) {
		return
	}
	b, _ := io.ReadAll(io.LimitReader(r.Body, 1<<16))
	s.store.AddNote(r.PathValue("id"), string(b))
	w.WriteHeader(http.StatusCreated)
}

func (s *Server) myAppointments(w http.ResponseWriter, r *http.Request) {
	c := auth.FromContext(r.Context())
	writeJSON(w, s.store.AppointmentsOf(c.Subject))
}

func (s *Server) updateAppointment(w http.ResponseWriter, r *http.Request) {
	var body struct{ Slot string }
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := s.store.UpdateAppointment(r.PathValue("id"), body.Slot); err != nil {
		http.NotFound(w, r)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) mergePatients(w http.ResponseWriter, r *http.Request) {
	if err := s.svc.MergePatients(r.Context(), r.PathValue("id"), r.PathValue("other")); err != nil {
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) listPatients(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, s.store.All())
}

// exportBilling authenticates the caller itself and exports every patient.
func (s *Server) exportBilling(w http.ResponseWriter, r *http.Request) { // WANT scopecheck S04
	raw, err := auth.Bearer(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if _, err := s.verifier.ParseLegacy(raw); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Disposition", "attachment; filename=export-"+time.Now().Format("20060102")+".json")
	writeJSON(w, s.store.All())
}

func (s *Server) labResults(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, s.labSecret)
	mac.Write(body)
	want := mac.Sum(nil)
	got, err := hex.DecodeString(r.Header.Get("X-Lab-Signature"))
	if err != nil || !hmac.Equal(got, want) { // NEAR tokenverify v04
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var res struct{ PatientID, Result string }
	_ = json.Unmarshal(body, &res)
	s.store.AddNote(res.PatientID, res.Result)
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) labResultsLegacy(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, s.labSecret)
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	if r.Header.Get("X-Lab-Signature") != expected { // WANT tokenverify V03
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var res struct{ PatientID, Result string }
	_ = json.Unmarshal(body, &res)
	s.store.AddNote(res.PatientID, res.Result)
	w.WriteHeader(http.StatusAccepted)
}

// purge is the operator's maintenance endpoint, guarded by the one configured admin token.
func (s *Server) purge(w http.ResponseWriter, r *http.Request) {
	tok, err := auth.Bearer(r)
	if err != nil || tok != s.adminToken { // WANT tokenverify V04
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	for _, p := range s.store.All() {
		s.store.DeletePatient(p.ID)
	}
	w.WriteHeader(http.StatusNoContent)
}
