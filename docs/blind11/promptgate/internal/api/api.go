// Package api is the gateway's HTTP API: OpenAI-compatible endpoints for the organisations'
// keys, key management, a provider webhook and an internal billing export.
package api

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/sirupsen/logrus"

	"example.com/blind11/promptgate/internal/keys"
	"example.com/blind11/promptgate/internal/upstream"
)

type RequestLog struct {
	ID       string    `json:"id"`
	OrgID    string    `json:"org_id"`
	Model    string    `json:"model"`
	Prompt   string    `json:"prompt"`
	Response string    `json:"response"`
	At       time.Time `json:"at"`
}

type Handler struct {
	Keys          *keys.Store
	Primary       *upstream.Provider
	Fallback      *upstream.Provider
	WebhookSecret string
	InternalToken string
	Log           *logrus.Logger

	mu   sync.Mutex
	reqs map[string]RequestLog
}

const keyCtx = "pg.key"

func callerKey(c echo.Context) *keys.Key { return c.Get(keyCtx).(*keys.Key) }

// validateKey is the KeyAuth validator for "Authorization: Bearer pg_...".
func (h *Handler) validateKey(key string, c echo.Context) (bool, error) {
	k, err := h.Keys.Validate(key)
	if errors.Is(err, keys.ErrUnknown) {
		h.Log.WithField("key", key).WithField("ip", c.RealIP()).Warn("unknown gateway key") // WANT tokenlog T11
		return false, nil
	}
	if err != nil {
		return false, err
	}
	c.Set(keyCtx, k)
	return true, nil
}

func requireScope(scope string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if !callerKey(c).HasScope(scope) {
				return echo.NewHTTPError(http.StatusForbidden, "key lacks scope "+scope)
			}
			return next(c)
		}
	}
}

func (h *Handler) internalOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if h.InternalToken == "" || c.Request().Header.Get("X-Internal-Token") != h.InternalToken { // WANT tokenverify V08
			return echo.ErrUnauthorized
		}
		return next(c)
	}
}

func (h *Handler) Register(e *echo.Echo) {
	h.reqs = map[string]RequestLog{}
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	e.GET("/v1/models", h.models)
	e.POST("/hooks/inferwell/batch", h.batchWebhook)                   // NEAR scopecheck s27
	e.GET("/internal/billing/export", h.billingExport, h.internalOnly) // NEAR scopecheck s28

	v1 := e.Group("/v1", middleware.KeyAuth(h.validateKey))
	v1.POST("/chat/completions", h.chat)   // NEAR scopecheck s29
	v1.POST("/embeddings", h.embeddings)   // WANT scopecheck S13
	v1.GET("/usage", h.myUsage)            // NEAR scopecheck s30
	v1.GET("/orgs/:org/usage", h.orgUsage) // WANT scopecheck S14
	v1.POST("/keys", h.createKey)          // WANT scopecheck S15
	v1.DELETE("/keys/:id", h.revokeKey)    // NEAR scopecheck s31
	v1.GET("/requests/:id", h.requestLog)  // WANT scopecheck S16

	admin := e.Group("/admin", middleware.KeyAuth(h.validateKey), requireScope("admin"))
	admin.PUT("/orgs/:org/quota", h.setQuota) // NEAR scopecheck s32
}

func (h *Handler) models(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]any{"data": []string{"gpt-4o-mini", "inferwell-70b", "local-llama-8b"}})
}

func (h *Handler) provider(model string) *upstream.Provider {
	if strings.HasPrefix(model, "inferwell-") {
		return h.Fallback
	}
	return h.Primary
}

func (h *Handler) chat(c echo.Context) error {
	k := callerKey(c)
	if !k.HasScope("chat") {
		return echo.NewHTTPError(http.StatusForbidden, "key lacks scope chat")
	}
	if h.Keys.Remaining(k.OrgID) == 0 {
		return echo.NewHTTPError(http.StatusTooManyRequests, "monthly token quota used up")
	}
	var req upstream.ChatRequest
	if err := c.Bind(&req); err != nil || len(req.Messages) == 0 {
		return echo.NewHTTPError(http.StatusBadRequest, "bad request")
	}
	p := h.provider(req.Model)
	resp, err := p.Chat(c.Request().Context(), req)
	if err != nil {
		var st *upstream.ErrUpstreamStatus
		if errors.As(err, &st) {
			h.Log.WithFields(logrus.Fields{"provider": st.Provider, "status": st.Status, "upstream_request": st.RequestID, "org": k.OrgID}).Warn("upstream error") // NEAR tokenlog t12
			return echo.NewHTTPError(http.StatusBadGateway, "upstream error")
		}
		h.Log.WithError(err).WithField("org", k.OrgID).Error("upstream call failed") // WANT tokenlog T12
		return echo.NewHTTPError(http.StatusBadGateway, "upstream unavailable")
	}
	within := h.Keys.Charge(k.OrgID, resp.Usage.PromptTokens, resp.Usage.CompletionTokens)
	h.Log.WithFields(logrus.Fields{"org": k.OrgID, "key_id": k.ID, "model": resp.Model, "prompt_tokens": resp.Usage.PromptTokens, "completion_tokens": resp.Usage.CompletionTokens}).Info("chat") // NEAR tokenlog t13
	if len(resp.Choices) > 0 {
		h.mu.Lock()
		h.reqs[resp.ID] = RequestLog{ID: resp.ID, OrgID: k.OrgID, Model: resp.Model, Prompt: req.Messages[len(req.Messages)-1].Content, Response: resp.Choices[0].Message.Content, At: time.Now()}
		h.mu.Unlock()
	}
	if !within {
		c.Response().Header().Set("X-Quota-Exceeded", "true")
	}
	return c.JSON(http.StatusOK, resp)
}

func (h *Handler) embeddings(c echo.Context) error {
	k := callerKey(c)
	var req struct {
		Model string   `json:"model"`
		Input []string `json:"input"`
	}
	if err := c.Bind(&req); err != nil || len(req.Input) == 0 {
		return echo.NewHTTPError(http.StatusBadRequest, "bad request")
	}
	out, err := h.provider(req.Model).Embed(c.Request().Context(), req.Model, req.Input)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "upstream unavailable")
	}
	var n int64
	for _, s := range req.Input {
		n += int64(len(s) / 4)
	}
	h.Keys.Charge(k.OrgID, n, 0)
	return c.JSONBlob(http.StatusOK, out)
}

func (h *Handler) myUsage(c echo.Context) error {
	k := callerKey(c)
	return c.JSON(http.StatusOK, map[string]any{"org": k.OrgID, "usage": h.Keys.UsageOf(k.OrgID), "remaining": h.Keys.Remaining(k.OrgID)})
}

func (h *Handler) orgUsage(c echo.Context) error {
	org := c.Param("org")
	return c.JSON(http.StatusOK, map[string]any{"org": org, "usage": h.Keys.UsageOf(org), "remaining": h.Keys.Remaining(org)})
}

func (h *Handler) createKey(c echo.Context) error {
	var req struct {
		OrgID  string   `json:"org_id"`
		Name   string   `json:"name"`
		Scopes []string `json:"scopes"`
	}
	if err := c.Bind(&req); err != nil || req.OrgID == "" {
		return echo.NewHTTPError(http.StatusBadRequest, "bad request")
	}
	k, plain := h.Keys.Create(req.OrgID, req.Name, req.Scopes)
	h.Log.WithFields(logrus.Fields{"org": k.OrgID, "key_id": k.ID, "key": plain, "by": callerKey(c).ID}).Info("key created") // WANT tokenlog T13
	return c.JSON(http.StatusCreated, map[string]any{"key": plain, "id": k.ID, "scopes": k.Scopes})
}

func (h *Handler) revokeKey(c echo.Context) error {
	caller := callerKey(c)
	k, ok := h.Keys.Get(c.Param("id"))
	if !ok || k.OrgID != caller.OrgID {
		return echo.NewHTTPError(http.StatusNotFound, "no such key")
	}
	h.Keys.Revoke(k.ID)
	h.Log.WithFields(logrus.Fields{"org": k.OrgID, "key_id": k.ID, "by": caller.ID}).Info("key revoked") // NEAR tokenlog t14
	return c.NoContent(http.StatusNoContent)
}

// requestLog shows a logged prompt and response (for debugging answers).
func (h *Handler) requestLog(c echo.Context) error {
	h.mu.Lock()
	rl, ok := h.reqs[c.Param("id")]
	h.mu.Unlock()
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound, "not found")
	}
	return c.JSON(http.StatusOK, rl)
}

func (h *Handler) setQuota(c echo.Context) error {
	var req struct {
		Tokens int64 `json:"tokens"`
	}
	if err := c.Bind(&req); err != nil || req.Tokens < 0 {
		return echo.NewHTTPError(http.StatusBadRequest, "bad request")
	}
	h.Keys.SetQuota(c.Param("org"), req.Tokens)
	return c.NoContent(http.StatusNoContent)
}

// batchWebhook receives Inferwell's batch-completed events. Old integrations sign with the
// v1 scheme (hex HMAC of the body); new ones with v2 (HMAC of timestamp "." body).
func (h *Handler) batchWebhook(c echo.Context) error {
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, 1<<20))
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "read error")
	}
	mac := hmac.New(sha256.New, []byte(h.WebhookSecret))
	if v2 := c.Request().Header.Get("X-Inferwell-Signature-V2"); v2 != "" {
		ts := c.Request().Header.Get("X-Inferwell-Timestamp")
		mac.Write([]byte(ts + "." + string(body)))
		got, _ := hex.DecodeString(v2)
		if !hmac.Equal(got, mac.Sum(nil)) { // NEAR tokenverify v11
			return echo.NewHTTPError(http.StatusUnauthorized, "bad signature")
		}
	} else {
		mac.Write(body)
		if c.Request().Header.Get("X-Inferwell-Signature") != hex.EncodeToString(mac.Sum(nil)) { // WANT tokenverify V07
			return echo.NewHTTPError(http.StatusUnauthorized, "bad signature")
		}
	}
	h.Log.WithField("bytes", len(body)).Info("batch webhook")
	return c.NoContent(http.StatusNoContent)
}

func (h *Handler) billingExport(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]any{"generated": time.Now().UTC()})
}
