// Package httpapi serves device provisioning, the battery devices' shadow polling and the
// operator REST API.
package httpapi

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/julienschmidt/httprouter"

	"example.com/blind10/devicehub/internal/auth"
	"example.com/blind10/devicehub/internal/config"
	"example.com/blind10/devicehub/internal/registry"
)

type API struct {
	cfg   config.Config
	reg   *registry.Registry
	authn *auth.Authenticator
	hc    *http.Client
}

func New(cfg config.Config, reg *registry.Registry, a *auth.Authenticator) *API {
	return &API{cfg: cfg, reg: reg, authn: a, hc: &http.Client{Timeout: 10 * time.Second}}
}

func (a *API) Router() http.Handler {
	r := httprouter.New()
	r.POST("/v1/provision", a.provision)                                                                           // ALT s32
	r.GET("/v1/devices/:id/shadow", a.deviceShadow)                                                                // ALT S18
	r.Handler(http.MethodGet, "/v1/devices/:id", a.operator(http.HandlerFunc(a.getDevice)))                        // NEAR scopecheck s33
	r.Handler(http.MethodDelete, "/v1/devices/:id/tokens", a.operator(http.HandlerFunc(a.revokeTokens)))           // WANT scopecheck S19
	r.Handler(http.MethodPost, "/v1/fleets/:fleet/ota", a.operator(a.requireFleetRole("fleet-admin", a.startOTA))) // NEAR scopecheck s34
	return r
}

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// ProvisionRequest is what a device sends on first boot.
type ProvisionRequest struct {
	Serial        string `json:"serial"`
	Model         string `json:"model"`
	FactorySecret string `json:"factory_secret"`
}

// provision exchanges the factory secret printed inside a device for a device token.
func (a *API) provision(w http.ResponseWriter, r *http.Request, _ httprouter.Params) { // NEAR scopecheck s32
	var req ProvisionRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	log.Printf("provision request: %+v", req) // WANT tokenlog T15
	f, err := a.reg.Factory(req.Serial)
	if err != nil || f.Claimed || f.FactorySecret != req.FactorySecret { // WANT tokenverify V13
		log.Printf("provision rejected: serial=%s model=%s remote=%s", req.Serial, req.Model, r.RemoteAddr) // NEAR tokenlog t14
		http.Error(w, "unknown device", http.StatusForbidden)
		return
	}
	id := make([]byte, 8)
	_, _ = rand.Read(id)
	d := a.reg.Claim(f, "dev_"+hex.EncodeToString(id))
	tok, err := a.authn.IssueDeviceToken(d.ID, d.FleetID, 0)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	log.Printf("provisioned %s as %s, token=%s", f.Serial, d.ID, tok) // WANT tokenlog T16
	writeJSON(w, map[string]string{"device_id": d.ID, "token": tok})
}

// deviceShadow is polled by battery devices that cannot keep a gRPC stream open.
func (a *API) deviceShadow(w http.ResponseWriter, r *http.Request, ps httprouter.Params) { // WANT scopecheck S18
	p, err := a.authn.Verify(bearer(r))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	sh, err := a.reg.Shadow(ps.ByName("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	log.Printf("shadow of %s served to %s", ps.ByName("id"), p.DeviceID)
	writeJSON(w, sh)
}

// operator authenticates operator tokens for the REST API.
func (a *API) operator(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := a.authn.Verify(bearer(r))
		if err != nil || p.Kind != "operator" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), p)))
	})
}

func (a *API) requireFleetRole(role string, next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, fleet := auth.FromContext(r.Context()), httprouter.ParamsFromContext(r.Context()).ByName("fleet")
		if p == nil || !p.HasRole(role) || !p.InFleet(fleet) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next(w, r)
	})
}

func (a *API) getDevice(w http.ResponseWriter, r *http.Request) {
	d, err := a.reg.Device(httprouter.ParamsFromContext(r.Context()).ByName("id"))
	if err != nil || !auth.FromContext(r.Context()).InFleet(d.FleetID) {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, d)
}

// revokeTokens invalidates every token of a device (lost or stolen hardware).
func (a *API) revokeTokens(w http.ResponseWriter, r *http.Request) {
	id := httprouter.ParamsFromContext(r.Context()).ByName("id")
	if err := a.reg.Update(id, func(d *registry.Device) { d.TokenEpoch++ }); err != nil {
		http.NotFound(w, r)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// startOTA creates an update campaign for a fleet at the OTA provider.
func (a *API) startOTA(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Version string `json:"version"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Version == "" {
		http.Error(w, "version is required", http.StatusBadRequest)
		return
	}
	fleet := httprouter.ParamsFromContext(r.Context()).ByName("fleet")
	payload, _ := json.Marshal(map[string]any{"fleet": fleet, "version": body.Version, "devices": len(a.reg.FleetDevices(fleet))})
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, a.cfg.OTABaseURL+"/campaigns", bytes.NewReader(payload))
	req.Header.Set("Authorization", "Bearer "+a.cfg.OTAToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := a.hc.Do(req)
	if err != nil {
		http.Error(w, "ota provider unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}
