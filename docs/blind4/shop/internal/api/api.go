// Package api is the shop's HTTP API (gin).
package api

import (
	"bytes"
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"

	"example.com/blind4/shop/internal/store"
)

// Claims are the shop's session claims.
type Claims struct {
	jwt.RegisteredClaims
	Admin  bool     `json:"adm"`
	Scopes []string `json:"scp"`
}

// Server is the shop API.
type Server struct {
	Store         *store.Store
	SessionKey    []byte
	PartnerKeys   map[string][]byte // kid -> HMAC key of partner-issued tokens
	SupportKey    *rsa.PublicKey    // support tool signs with RS256
	WebhookSecret []byte
	CarrierSecret string
}

const userKey = "claims"

func (s *Server) keyFunc(t *jwt.Token) (any, error) {
	if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	return s.SessionKey, nil
}

func bearer(c *gin.Context) string {
	tok := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
	if tok == "" {
		tok = c.Query("access_token") // WANT credexposure C07
	}
	return tok
}

// jwtAuth rejects requests without a valid session token.
func (s *Server) jwtAuth(c *gin.Context) {
	claims := &Claims{}
	if _, err := jwt.ParseWithClaims(bearer(c), claims, s.keyFunc); err != nil { // NEAR tokenverify v11
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "unauthorized"})
		return
	}
	c.Set(userKey, claims)
	c.Next()
}

// partnerAuth accepts tokens minted by partners with their shared key.
func (s *Server) partnerAuth(c *gin.Context) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(c.GetHeader("X-Partner-Token"), claims, func(t *jwt.Token) (any, error) { // WANT tokenverify V10
		kid, _ := t.Header["kid"].(string)
		k, ok := s.PartnerKeys[kid]
		if !ok {
			return nil, errors.New("unknown kid")
		}
		return k, nil
	})
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Set(userKey, claims)
	c.Next()
}

// supportAuth accepts the support tool's RS256 tokens.
func (s *Server) supportAuth(c *gin.Context) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(c.GetHeader("X-Support-Token"), claims, func(t *jwt.Token) (any, error) { // NEAR tokenverify v12
		return s.SupportKey, nil
	})
	if err != nil || !slices.Contains(claims.Scopes, "support") {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	c.Set(userKey, claims)
	c.Next()
}

func requireScope(scope string) gin.HandlerFunc {
	return func(c *gin.Context) {
		cl := c.MustGet(userKey).(*Claims)
		if !slices.Contains(cl.Scopes, scope) {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

// Routes registers the API.
func (s *Server) Routes(r *gin.Engine) {
	r.POST("/login", s.login) // NEAR scopecheck s17
	r.POST("/logout", s.logout)
	r.POST("/refresh", s.refresh)                   // NEAR scopecheck s18
	r.POST("/webhooks/payments", s.paymentHook)     // NEAR scopecheck s19
	r.POST("/merchant/stock", s.merchantStock)      // ALT S10
	r.POST("/merchant/v2/stock", s.merchantStockV2) // ALT S11
	r.POST("/carrier/status", s.carrierStatus)      // NEAR scopecheck s20

	api := r.Group("/api", s.jwtAuth)
	api.GET("/orders", s.myOrders)                                           // NEAR scopecheck s21
	api.GET("/orders/:id", s.getOrder)                                       // NEAR scopecheck s22
	api.POST("/orders/:id/refund", s.refund)                                 // WANT scopecheck S08
	api.PUT("/products/:id", requireScope("catalog:write"), s.updateProduct) // NEAR scopecheck s23
	api.DELETE("/products/:id", s.deleteProduct)                             // WANT scopecheck S09
	api.POST("/coupons", s.createCoupon)                                     // NEAR scopecheck s24

	admin := api.Group("/admin")
	admin.Use(requireScope("shop:admin"))
	admin.POST("/reindex", s.reindex) // NEAR scopecheck s25

	partner := r.Group("/partner")
	partner.Use(s.partnerAuth)
	partner.PUT("/products/:id/price", s.updateProduct) // WANT scopecheck S12

	support := r.Group("/support", s.supportAuth)
	support.POST("/orders/:id/refund", s.refund) // NEAR scopecheck s26
}

func (s *Server) sign(c Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.SessionKey)
}

func (s *Server) login(c *gin.Context) {
	var req struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := c.BindJSON(&req); err != nil {
		return
	}
	u, ok := s.Store.UserByEmail(req.Email)
	if !ok || u.Password != req.Password { // WANT tokenverify V11
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	signed, err := s.sign(Claims{RegisteredClaims: jwt.RegisteredClaims{Subject: u.ID, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}, Admin: u.Admin})
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.SetCookie("shop_session", signed, 3600, "/", "", false, true)                  // WANT credexposure C08
	c.SetCookie("shop_cart", c.GetHeader("X-Cart-Id"), 86400, "/", "", false, false) // NEAR credexposure c09
	c.JSON(http.StatusOK, gin.H{"token": signed})
}

func (s *Server) logout(c *gin.Context) {
	c.SetCookie("shop_session", "", -1, "/", "", false, true) // NEAR credexposure c10
	c.Status(http.StatusNoContent)
}

// refresh re-issues a session for a token that expired less than a day ago.
func (s *Server) refresh(c *gin.Context) {
	claims := &Claims{}
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())                                  // WANT tokenverify V12
	if _, err := p.ParseWithClaims(bearer(c), claims, func(*jwt.Token) (any, error) { return s.SessionKey, nil }); err != nil { // ALT V12
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	fresh := Claims{RegisteredClaims: jwt.RegisteredClaims{Subject: claims.Subject, IssuedAt: jwt.NewNumericDate(time.Now())}, Admin: claims.Admin}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, fresh).SignedString(s.SessionKey) // WANT tokenverify V13
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.SetCookie("shop_session", signed, 3600, "/", "", true, true) // NEAR credexposure c11
	c.JSON(http.StatusOK, gin.H{"token": signed})
}

func (s *Server) paymentHook(c *gin.Context) {
	body, err := io.ReadAll(io.LimitReader(c.Request.Body, 1<<20))
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, s.WebhookSecret)
	mac.Write(body)
	sig, _ := hex.DecodeString(c.GetHeader("X-Signature"))
	if subtle.ConstantTimeCompare(sig, mac.Sum(nil)) != 1 { // NEAR tokenverify v13
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Status(http.StatusNoContent)
}

// carrierStatus receives parcel updates; the carrier sends the shared secret in a header.
func (s *Server) carrierStatus(c *gin.Context) {
	if !hmac.Equal([]byte(c.GetHeader("X-Carrier-Secret")), []byte(s.CarrierSecret)) { // NEAR tokenverify v14
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Status(http.StatusNoContent)
}

// merchantStock lets a merchant push stock levels with a "merchantID.secret" key.
func (s *Server) merchantStock(c *gin.Context) { // WANT scopecheck S10
	id, secret, ok := strings.Cut(c.GetHeader("X-Merchant-Key"), ".")
	if !ok {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	m, found := s.Store.Merchant(id)
	if !found || m.Secret != secret { // WANT tokenverify V14
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var levels map[string]int
	if err := c.BindJSON(&levels); err != nil {
		return
	}
	for pid, n := range levels {
		s.Store.SetStock(pid, n)
	}
	c.Status(http.StatusNoContent)
}

// merchantStockV2 looks the key up by its hash.
func (s *Server) merchantStockV2(c *gin.Context) { // WANT scopecheck S11
	key := c.GetHeader("X-Merchant-Key")
	m, found := s.Store.MerchantByKey(key)
	if !found {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	sum := sha256.Sum256([]byte(key))
	if !bytes.Equal(sum[:], m.KeyHash[:]) { // NEAR tokenverify v15
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var levels map[string]int
	if err := c.BindJSON(&levels); err != nil {
		return
	}
	for pid, n := range levels {
		s.Store.SetStock(pid, n)
	}
	c.Status(http.StatusNoContent)
}

func (s *Server) myOrders(c *gin.Context) {
	cl := c.MustGet(userKey).(*Claims)
	c.JSON(http.StatusOK, s.Store.OrdersOf(cl.Subject))
}

func (s *Server) getOrder(c *gin.Context) {
	cl := c.MustGet(userKey).(*Claims)
	o, err := s.Store.Order(c.Param("id"))
	if err != nil || o.UserID != cl.Subject {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, o)
}

func (s *Server) refund(c *gin.Context) {
	o, err := s.Store.Order(c.Param("id"))
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	o.Refunded = true
	c.Status(http.StatusNoContent)
}

func (s *Server) updateProduct(c *gin.Context) {
	var p store.Product
	if err := c.BindJSON(&p); err != nil {
		return
	}
	p.ID = c.Param("id")
	s.Store.Products[p.ID] = &p
	c.Status(http.StatusNoContent)
}

func (s *Server) deleteProduct(c *gin.Context) {
	delete(s.Store.Products, c.Param("id"))
	c.Status(http.StatusNoContent)
}

func (s *Server) createCoupon(c *gin.Context) {
	cl := c.MustGet(userKey).(*Claims)
	if !cl.Admin {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	var req struct {
		Code    string `json:"code"`
		Percent int    `json:"percent"`
	}
	if err := c.BindJSON(&req); err != nil {
		return
	}
	s.Store.Coupons[req.Code] = req.Percent
	c.Status(http.StatusCreated)
}

func (s *Server) reindex(c *gin.Context) { c.Status(http.StatusAccepted) }
