// Package mapentry writes responses whose entries name what they hold.
// A value the function stores under a credential's key ("api_key",
// "refresh_token") is a credential on that path, whatever the variable
// is called; generic keys ("key", "id") and public ones ("token_type")
// say nothing.
package mapentry

import (
	"encoding/json"
	"log/slog"
	"net/http"
)

type registry interface {
	Rotate(id string) (string, error)
	Create(org string) (string, string)
}

func writeJSON(w http.ResponseWriter, v any) { _ = json.NewEncoder(w).Encode(v) }

func rotate(w http.ResponseWriter, reg registry, log *slog.Logger, id string) {
	key, err := reg.Rotate(id)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	log.Info("api key rotated", "tenant", id, "key", key) // want `API key stored under map key "api_key" reaches slog.Logger.Info`
	writeJSON(w, map[string]string{"api_key": key})
}

func refresh(w http.ResponseWriter, reg registry, log *slog.Logger, org string) {
	id, val := reg.Create(org)
	log.Info("issued", "id", id)     // the id is stored under "id": no credential
	log.Info("issued", "value", val) // want `token stored under map key "refresh_token" reaches slog.Logger.Info`
	writeJSON(w, map[string]any{"id": id, "refresh_token": val, "token_type": "bearer"})
}

// Near miss: a generic key says nothing.
func generic(w http.ResponseWriter, reg registry, log *slog.Logger, org string) {
	id, k := reg.Create(org)
	log.Info("created", "k", k)
	writeJSON(w, map[string]string{"id": id, "key": k})
}

// Near miss: the value logged on a path where it is not stored as a
// credential.
func branch(w http.ResponseWriter, reg registry, log *slog.Logger, org string, admin bool) {
	_, v := reg.Create(org)
	if admin {
		writeJSON(w, map[string]string{"client_secret": v})
		return
	}
	log.Info("created label", "label", v)
}
