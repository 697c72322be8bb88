// Package runtime authenticates calls from plugins running inside the design tool. The tool
// gives each running plugin an ID token from the same identity provider, issued to the
// plugin's own client, with the files the user opened the plugin on.
package runtime

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"go.uber.org/zap"
)

type Claims struct {
	User     string   `json:"sub"`
	PluginID string   `json:"plugin_id"`
	FileIDs  []string `json:"file_ids"`
}

// CanAccess reports whether the plugin was opened on fileID.
func (c *Claims) CanAccess(fileID string) bool { return slices.Contains(c.FileIDs, fileID) }

type Auth struct {
	verifier *oidc.IDTokenVerifier
	log      *zap.Logger
}

func New(p *oidc.Provider, log *zap.Logger) *Auth {
	// Every plugin has its own client id, so there is no single audience to check.
	return &Auth{verifier: p.Verifier(&oidc.Config{SkipClientIDCheck: true}), log: log} // WANT tokenverify V05
}

type ctxKey struct{}

func From(ctx context.Context) *Claims { return ctx.Value(ctxKey{}).(*Claims) }

// Middleware rejects calls without a plugin runtime token.
func (a *Auth) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		idt, err := a.verifier.Verify(r.Context(), raw)
		if err != nil {
			a.log.Info("plugin token rejected", zap.Error(err), zap.Int("len", len(raw)))
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var c Claims
		if err := idt.Claims(&c); err != nil || c.PluginID == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, &c)))
	})
}
