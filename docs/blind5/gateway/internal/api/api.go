// Package api is the gateway's public HTTP API (chi).
package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/golang-jwt/jwt/v5"
	"github.com/rs/zerolog"

	"example.com/blind5/gateway/internal/pb"
)

var signingKey = []byte("gw-jwt-signing-2024-Qm8vX3pL7rT2nZ5w") // WANT hardcodedcred H12

// Authenticator checks credentials.
type Authenticator interface {
	Login(ctx context.Context, req *pb.LoginRequest) (*pb.TokenResponse, error)
	CheckKey(ctx context.Context, req *pb.ApiKeyRequest) (string, error)
}

// Upstream is a backend the gateway proxies to.
type Upstream struct {
	Name    string
	BaseURL string
	Token   string
}

// Upstreams are the proxied backends.
var Upstreams = []Upstream{
	{Name: "orders", BaseURL: "http://orders.shopcorp.net/api"}, // WANT plainhttp P09
	{Name: "catalog", BaseURL: "http://catalog:8080"},           // NEAR plainhttp p10
	{Name: "reviews", BaseURL: "http://10.0.12.7:8080"},         // NEAR plainhttp p11
	{Name: "assets", BaseURL: "https://assets.shopcorp.net"},
}

// API is the HTTP API.
type API struct {
	Auth Authenticator
	Log  zerolog.Logger
	Hook string
}

// Router builds the routes.
func (a *API) Router() http.Handler {
	r := chi.NewRouter()
	r.Post("/v1/login", a.login)
	r.Post("/v1/keys/check", a.checkKey)
	for _, u := range Upstreams {
		target, _ := url.Parse(u.BaseURL)
		r.Mount("/"+u.Name, httputil.NewSingleHostReverseProxy(target))
	}
	return r
}

func hashPrefix(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:12]
}

func (a *API) login(w http.ResponseWriter, r *http.Request) {
	var req pb.LoginRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	a.Log.Info().Str("user", req.GetUsername()).Bool("otp", req.GetOtpCode() != "").Msg("login attempt") // NEAR tokenlog t24
	resp, err := a.Auth.Login(r.Context(), &req)
	if err != nil {
		a.Log.Warn().Str("user", req.GetUsername()).Str("password", req.GetPassword()).Err(err).Msg("login failed") // WANT tokenlog T26
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	a.Log.Debug().Msgf("issued token %s for %s", resp.GetAccessToken(), req.GetUsername())                                        // WANT tokenlog T27
	a.Log.Info().Int32("expires_in", resp.GetExpiresIn()).Str("token_sha", hashPrefix(resp.GetAccessToken())).Msg("token issued") // NEAR tokenlog t25
	_ = json.NewEncoder(w).Encode(resp)
	a.notify(r.Context(), req.GetUsername())
}

func (a *API) checkKey(w http.ResponseWriter, r *http.Request) {
	var req pb.ApiKeyRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	owner, err := a.Auth.CheckKey(r.Context(), &req)
	if err != nil {
		a.Log.Warn().Str("key_id", req.GetKeyId()).Msg("api key rejected") // NEAR tokenlog t26
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	a.Log.Info().Str("key_id", req.GetKeyId()).Str("owner", owner).Msg("api key ok") // NEAR tokenlog t27
	fmt.Fprintf(w, `{"owner":%q}`, owner)
}

// notify tells the CRM about a login.
func (a *API) notify(ctx context.Context, user string) {
	body, _ := json.Marshal(map[string]string{"event": "login", "user": user})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://hooks.partner-crm.com/events", bytes.NewReader(body)) // WANT plainhttp P10
	if err != nil {
		return
	}
	req.Header.Set("X-Api-Key", a.Hook)
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}

// Issue mints a gateway session token.
func Issue(sub string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "exp": time.Now().Add(time.Hour).Unix()})
	return t.SignedString(signingKey)
}

// IsPlain reports whether a configured upstream is plain HTTP (shown on the status page).
func IsPlain(u Upstream) bool {
	return strings.HasPrefix(u.BaseURL, "http://") // NEAR plainhttp p12
}

// InstanceRegion asks the cloud metadata service for the region.
func InstanceRegion(ctx context.Context) string {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://169.254.169.254/latest/meta-data/placement/region", nil) // NEAR plainhttp p13
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	return b.String()
}
