// Package gateway serves the OpenAI-compatible API and the console API.
package gateway

import (
	"net/http"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"example.com/blind9/promptgate/internal/authn"
	"example.com/blind9/promptgate/internal/config"
	"example.com/blind9/promptgate/internal/keys"
	"example.com/blind9/promptgate/internal/upstream"
)

type Org struct {
	ID        string
	Suspended bool
	Credits   int64
	Providers map[string]string // provider name -> the org's own key (BYOK)
	Batches   map[string]string // batch id -> status
}

type Gateway struct {
	cfg      *config.Config
	keys     *keys.Store
	verifier *authn.Verifier
	up       *upstream.Client
	log      *zap.Logger

	mu   sync.Mutex
	orgs map[string]*Org
}

func New(cfg *config.Config, ks *keys.Store, v *authn.Verifier, up *upstream.Client, log *zap.Logger) *Gateway {
	return &Gateway{cfg: cfg, keys: ks, verifier: v, up: up, log: log, orgs: map[string]*Org{}}
}

const tenantKey = "promptgate.key"

func apiKeyFrom(c *gin.Context) string {
	if k := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "); k != "" {
		return k
	}
	return c.Query("api_key") // WANT credexposure C04
}

// tenantKeyAuth resolves the presented API key to its org.
func (g *Gateway) tenantKeyAuth(c *gin.Context) {
	presented := apiKeyFrom(c)
	k, err := g.keys.Lookup(presented)
	if err != nil {
		g.log.Info("unknown api key", zap.Int("key_len", len(presented)), zap.String("ip", c.ClientIP())) // NEAR tokenlog t13
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid api key"})
		return
	}
	c.Set(tenantKey, k)
	c.Next()
}

func (g *Gateway) Router() *gin.Engine {
	r := gin.New()
	r.Use(gin.Recovery())
	r.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok") }) // NEAR scopecheck s23

	v1 := r.Group("/v1", g.tenantKeyAuth)
	v1.POST("/chat/completions", g.chat)            // NEAR scopecheck s24
	v1.POST("/embeddings", g.embeddings)            // NEAR scopecheck s25
	r.POST("/v1/batches/:id/cancel", g.cancelBatch) // ALT S14

	console := r.Group("/console", authn.RequireUser(g.verifier))
	console.GET("/keys", g.listKeys)                                          // NEAR scopecheck s26
	console.POST("/keys", authn.RequirePermission("keys:write"), g.createKey) // NEAR scopecheck s27
	console.DELETE("/keys/:id", g.revokeKey)                                  // WANT scopecheck S11
	console.PUT("/orgs/:org/providers/:name", g.setProviderKey)               // WANT scopecheck S12
	console.GET("/orgs/:org/batches", g.listBatches)                          // WANT scopecheck S13
	admin := console.Group("/admin", authn.RequirePermission("admin"))
	admin.POST("/orgs/:org/suspend", g.suspend) // NEAR scopecheck s28

	internal := r.Group("/internal")
	internal.POST("/usage/flush", g.internalAuth, g.flush) // NEAR scopecheck s29
	internal.GET("/usage", g.usage)
	internal.POST("/credits", g.addCredits)            // ALT S15
	internal.POST("/orgs/:org/reconcile", g.reconcile) // ALT s30
	return r
}

func (g *Gateway) org(id string) *Org {
	o, ok := g.orgs[id]
	if !ok {
		o = &Org{ID: id, Providers: map[string]string{}, Batches: map[string]string{}}
		g.orgs[id] = o
	}
	return o
}

func (g *Gateway) listKeys(c *gin.Context) {
	u := authn.CurrentUser(c)
	c.JSON(http.StatusOK, g.keys.List(u.OrgID))
}

func (g *Gateway) createKey(c *gin.Context) {
	u := authn.CurrentUser(c)
	k, plain := g.keys.Create(u.OrgID, c.PostForm("name"))
	g.log.Sugar().Infof("api key %s created for org %s: %s", k.ID, u.OrgID, plain) // WANT tokenlog T11
	c.JSON(http.StatusCreated, gin.H{"id": k.ID, "key": plain})
}

func (g *Gateway) revokeKey(c *gin.Context) {
	if !g.keys.Revoke(c.Param("id")) {
		c.Status(http.StatusNotFound)
		return
	}
	g.log.Info("api key revoked", zap.String("key_id", c.Param("id")), zap.String("by", authn.CurrentUser(c).Subject)) // NEAR tokenlog t14
	c.Status(http.StatusNoContent)
}

// setProviderKey stores an org's own provider key (bring your own key).
func (g *Gateway) setProviderKey(c *gin.Context) {
	var body struct {
		APIKey string `json:"api_key"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	g.mu.Lock()
	g.org(c.Param("org")).Providers[c.Param("name")] = body.APIKey
	g.mu.Unlock()
	g.log.Info("byok key set", zap.String("org", c.Param("org")), zap.String("provider", c.Param("name")), zap.String("key", body.APIKey)) // WANT tokenlog T12
	c.Status(http.StatusNoContent)
}

func (g *Gateway) listBatches(c *gin.Context) {
	g.mu.Lock()
	defer g.mu.Unlock()
	c.JSON(http.StatusOK, g.org(c.Param("org")).Batches)
}

func (g *Gateway) suspend(c *gin.Context) {
	g.mu.Lock()
	g.org(c.Param("org")).Suspended = true
	g.mu.Unlock()
	c.Status(http.StatusNoContent)
}
