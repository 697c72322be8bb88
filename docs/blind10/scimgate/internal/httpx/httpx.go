// Package httpx has small HTTP helpers shared by the SCIM and console APIs.
package httpx

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// BearerToken returns the token of an "Authorization: Bearer" header.
func BearerToken(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", fmt.Errorf("authorization header %q is not a bearer token", h) // ALT T20
	}
	return strings.TrimSpace(tok), nil
}

func JSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}
