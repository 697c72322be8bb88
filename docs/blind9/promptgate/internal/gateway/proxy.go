package gateway

import (
	"crypto/subtle"
	"io"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/lestrrat-go/jwx/v2/jwt"
	"go.uber.org/zap"

	"example.com/blind9/promptgate/internal/keys"
)

func (g *Gateway) provider(model string) (int, bool) {
	for i, p := range g.cfg.Providers {
		for _, m := range p.Models {
			if m == model {
				return i, true
			}
		}
	}
	return 0, false
}

func (g *Gateway) forward(c *gin.Context, path string) {
	k := c.MustGet(tenantKey).(*keys.Key)
	presented := apiKeyFrom(c)
	log := g.log.With(zap.String("org", k.OrgID), zap.String("api_key", presented)) // WANT tokenlog T13
	g.mu.Lock()
	o := g.org(k.OrgID)
	suspended, credits := o.Suspended, o.Credits
	g.mu.Unlock()
	if suspended || credits <= 0 {
		log.Warn("request refused", zap.Bool("suspended", suspended), zap.Int64("credits", credits))
		c.AbortWithStatusJSON(http.StatusPaymentRequired, gin.H{"error": "no credits"})
		return
	}
	body, _ := io.ReadAll(io.LimitReader(c.Request.Body, 4<<20))
	model := gjsonModel(body)
	i, ok := g.provider(model)
	if !ok {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "unknown model"})
		return
	}
	p := g.cfg.Providers[i]
	if own, ok := o.Providers[p.Name]; ok {
		p.APIKey = own
	}
	if okay, err := g.up.Moderate(c, g.cfg.ModerationKey, string(body)); err != nil || !okay {
		log.Warn("moderation", zap.Error(err)) // ALT T15
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "prompt refused"})
		return
	}
	out, usage, err := g.up.Forward(c, p, path, body)
	if err != nil {
		log.Error("upstream", zap.Error(err))
		c.AbortWithStatusJSON(http.StatusBadGateway, gin.H{"error": "upstream error"})
		return
	}
	log.Info("completion", zap.String("model", model), zap.Int("prompt_tokens", usage.PromptTokens), zap.Int("completion_tokens", usage.CompletionTokens)) // NEAR tokenlog t15
	g.mu.Lock()
	o.Credits -= int64(usage.TotalTokens)
	g.mu.Unlock()
	c.Data(http.StatusOK, "application/json", out)
}

func gjsonModel(body []byte) string {
	s := string(body)
	i := strings.Index(s, `"model"`)
	if i < 0 {
		return ""
	}
	rest := s[i+len(`"model"`):]
	a := strings.IndexByte(rest, '"')
	if a < 0 {
		return ""
	}
	b := strings.IndexByte(rest[a+1:], '"')
	if b < 0 {
		return ""
	}
	return rest[a+1 : a+1+b]
}

func (g *Gateway) chat(c *gin.Context)       { g.forward(c, "/chat/completions") }
func (g *Gateway) embeddings(c *gin.Context) { g.forward(c, "/embeddings") }

// cancelBatch is called with the tenant's API key (the batch API predates the /v1 group).
func (g *Gateway) cancelBatch(c *gin.Context) { // WANT scopecheck S14
	k, err := g.keys.Lookup(apiKeyFrom(c))
	if err != nil {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid api key"})
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, o := range g.orgs {
		if _, ok := o.Batches[c.Param("id")]; ok {
			o.Batches[c.Param("id")] = "cancelled"
			g.log.Info("batch cancelled", zap.String("batch", c.Param("id")), zap.String("caller_org", k.OrgID))
			c.Status(http.StatusNoContent)
			return
		}
	}
	c.Status(http.StatusNotFound)
}

func (g *Gateway) internalAuth(c *gin.Context) {
	if c.GetHeader("X-Internal-Token") != g.cfg.InternalToken { // WANT tokenverify V07
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Next()
}

func (g *Gateway) flush(c *gin.Context) {
	g.log.Info("usage flushed")
	c.Status(http.StatusNoContent)
}

// usage is read by the dashboard's server side, which forwards the user's token.
func (g *Gateway) usage(c *gin.Context) {
	tok, err := jwt.ParseInsecure([]byte(strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "))) // ALT V08
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	org, _ := tok.PrivateClaims()["org_id"].(string) // WANT tokenverify V08
	g.mu.Lock()
	defer g.mu.Unlock()
	o := g.org(org)
	c.JSON(http.StatusOK, gin.H{"org": org, "credits": o.Credits})
}

// addCredits is called by the billing worker after a payment succeeded.
func (g *Gateway) addCredits(c *gin.Context) { // WANT scopecheck S15
	raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
	tok, err := jwt.ParseString(raw, jwt.WithKeySet(g.verifier.Keys()), jwt.WithValidate(false)) // WANT tokenverify V09
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var body struct {
		Credits int64 `json:"credits"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	org, _ := tok.PrivateClaims()["org_id"].(string)
	g.mu.Lock()
	g.org(org).Credits += body.Credits
	g.mu.Unlock()
	c.Status(http.StatusNoContent)
}

// reconcile may only be called by the billing worker's service account.
func (g *Gateway) reconcile(c *gin.Context) { // NEAR scopecheck s30
	tok, err := g.verifier.VerifyService(strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "))
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	if subtle.ConstantTimeCompare([]byte(tok.Subject()), []byte("billing-worker@clients")) != 1 {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	g.mu.Lock()
	g.org(c.Param("org")).Credits = 0
	g.mu.Unlock()
	c.Status(http.StatusNoContent)
}
