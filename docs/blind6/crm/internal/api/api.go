// Package api is the CRM's JSON API (gin).
package api

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"

	"example.com/blind6/crm/internal/repo"
)

type Handler struct {
	repo       *repo.Repo
	signingKey []byte
	syncKey    []byte
	mailSecret []byte
	cache      sync.Map
}

func New(r *repo.Repo, signingKey, syncKey, mailSecret []byte) *Handler {
	return &Handler{repo: r, signingKey: signingKey, syncKey: syncKey, mailSecret: mailSecret}
}

func (h *Handler) Engine() *gin.Engine {
	r := gin.New()
	r.Use(gin.Recovery())
	r.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok") }) // NEAR scopecheck s18
	r.POST("/auth/token", h.IssueToken)                                       // NEAR scopecheck s19
	r.POST("/hooks/mail", h.MailHook)                                         // NEAR scopecheck s20
	r.POST("/api/v1/sync", h.Sync)                                            // ALT S14

	api := r.Group("/api/v1", h.jwtAuth())
	{
		api.GET("/contacts", h.ListContacts)                           // NEAR scopecheck s21
		api.GET("/contacts/:id", h.GetContact)                         // WANT scopecheck S10
		api.PUT("/contacts/:id", h.UpdateContact)                      // NEAR scopecheck s22
		api.DELETE("/contacts/:id", h.DeleteContact)                   // NEAR scopecheck s23
		api.POST("/contacts/import", h.ImportContacts)                 // WANT scopecheck S11
		api.POST("/deals/:id/stage", h.cacheBust("deals"), h.MoveDeal) // WANT scopecheck S12
		api.POST("/orgs/:id/members", h.AddMember)                     // WANT scopecheck S13

		deals := api.Group("/deals", requirePermission("deals:write"))
		deals.POST("", h.CreateDeal)          // NEAR scopecheck s24
		deals.PATCH("/:id/stage", h.MoveDeal) // NEAR scopecheck s25

		admin := api.Group("/admin", requireRole("admin"))
		admin.DELETE("/orgs/:id", h.DeleteOrg)        // NEAR scopecheck s26
		admin.POST("/orgs/:id/suspend", h.SuspendOrg) // NEAR scopecheck s27
	}
	return r
}

func (h *Handler) IssueToken(c *gin.Context) {
	var req struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := c.ShouldBindJSON(&req); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	id, org, hash, perms, err := h.repo.UserPassword(c, req.Email)
	if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(req.Password)) != nil {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid credentials"})
		return
	}
	tok, err := h.issue(id, org, perms)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, gin.H{"access_token": tok, "token_type": "Bearer"})
}

func (h *Handler) MailHook(c *gin.Context) {
	body, _ := io.ReadAll(c.Request.Body)
	mac := hmac.New(sha256.New, h.mailSecret)
	mac.Write(body)
	if !hmac.Equal([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(c.GetHeader("X-Mail-Signature"))) {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	_ = h.repo.LogEmailEvent(c, c.Query("message_id"), c.Query("event"))
	c.Status(http.StatusNoContent)
}

func (h *Handler) ListContacts(c *gin.Context) {
	cs, err := h.repo.ContactsOfOrg(c, claimsOf(c).OrgID)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, cs)
}

// GetContact returns any organisation's contact.
func (h *Handler) GetContact(c *gin.Context) {
	ct, err := h.repo.Contact(c, c.Param("id"))
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, ct)
}

func (h *Handler) UpdateContact(c *gin.Context) {
	ct, err := h.repo.Contact(c, c.Param("id"))
	if err != nil || ct.OrgID != claimsOf(c).OrgID {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	if err := c.ShouldBindJSON(ct); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	ct.ID = c.Param("id")
	if err := h.repo.UpdateContact(c, ct); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, ct)
}

func (h *Handler) DeleteContact(c *gin.Context) {
	if !requirePerm(c, "contacts:delete") {
		return
	}
	if err := h.repo.DeleteContact(c, c.Param("id")); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

// ImportContacts imports into the organisation named in the body, not the caller's.
func (h *Handler) ImportContacts(c *gin.Context) {
	var req struct {
		OrgID    string         `json:"org_id"`
		Contacts []repo.Contact `json:"contacts"`
	}
	if err := c.ShouldBindJSON(&req); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if err := h.repo.InsertContacts(c, req.OrgID, req.Contacts); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusCreated)
}

func (h *Handler) MoveDeal(c *gin.Context) {
	if err := h.repo.SetDealStage(c, c.Param("id"), c.Query("stage")); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *Handler) CreateDeal(c *gin.Context) {
	var req struct {
		Title string `json:"title"`
		Cents int64  `json:"cents"`
	}
	if err := c.ShouldBindJSON(&req); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	id, err := h.repo.CreateDeal(c, claimsOf(c).OrgID, req.Title, req.Cents)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"id": id})
}

// AddMember adds anyone to any organisation with any role.
func (h *Handler) AddMember(c *gin.Context) {
	var req struct {
		UserID string `json:"user_id"`
		Role   string `json:"role"`
	}
	if err := c.ShouldBindJSON(&req); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if err := h.repo.AddMember(c, c.Param("id"), req.UserID, req.Role); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusCreated)
}

func (h *Handler) DeleteOrg(c *gin.Context) {
	if err := h.repo.DeleteOrg(c, c.Param("id")); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *Handler) SuspendOrg(c *gin.Context) {
	if err := h.repo.SuspendOrg(c, c.Param("id")); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

// Sync is called by connector services with a JWT for the "crm-sync" audience; every connector's token
// passes, and any connector may write into any organisation.
func (h *Handler) Sync(c *gin.Context) { // WANT scopecheck S14
	raw, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	if !ok {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	claims := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return h.syncKey, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithAudience("crm-sync")); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var req struct {
		OrgID    string         `json:"org_id"`
		Contacts []repo.Contact `json:"contacts"`
	}
	if err := c.ShouldBindJSON(&req); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if err := h.repo.InsertContacts(c, req.OrgID, req.Contacts); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}
