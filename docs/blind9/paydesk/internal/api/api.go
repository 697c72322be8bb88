// Package api serves the merchant dashboard API, the server-side charges API and
// the PayStream webhook.
package api

import (
	"net/http"
	"time"

	"github.com/golang-jwt/jwt/v5"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
	"github.com/sirupsen/logrus"

	"example.com/blind9/paydesk/internal/config"
	"example.com/blind9/paydesk/internal/links"
	"example.com/blind9/paydesk/internal/merchant"
	"example.com/blind9/paydesk/internal/psp"
)

type MerchantClaims struct {
	jwt.RegisteredClaims
	MerchantID string `json:"mid"`
	Role       string `json:"role"`
}

type API struct {
	cfg   *config.Config
	store *merchant.Store
	psp   *psp.Client
	links *links.Signer
	log   *logrus.Entry
}

func New(cfg *config.Config, st *merchant.Store, p *psp.Client, ls *links.Signer, log *logrus.Entry) *API {
	return &API{cfg: cfg, store: st, psp: p, links: ls, log: log}
}

func claimsOf(c echo.Context) *MerchantClaims {
	return c.Get("user").(*jwt.Token).Claims.(*MerchantClaims)
}

func requireRole(role string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if claimsOf(c).Role != role {
				return echo.NewHTTPError(http.StatusForbidden, "requires role "+role)
			}
			return next(c)
		}
	}
}

func (a *API) Register(e *echo.Echo) {
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	e.POST("/webhooks/paystream", a.pspWebhook) // NEAR scopecheck s31
	e.POST("/merchant/login", a.login)          // NEAR scopecheck s32
	e.GET("/pay/:token", a.paymentLink)
	e.POST("/v1/charges", a.createCharge)              // ALT s38
	e.POST("/v1/charges/:id/capture", a.captureCharge) // ALT S19

	m := e.Group("/merchant", echojwt.WithConfig(echojwt.Config{
		SigningKey:    a.cfg.JWTKey,
		NewClaimsFunc: func(echo.Context) jwt.Claims { return new(MerchantClaims) },
		ErrorHandler: func(c echo.Context, err error) error {
			a.log.WithField("authorization", c.Request().Header.Get("Authorization")).WithError(err).Warn("dashboard token rejected") // WANT tokenlog T16
			return echo.NewHTTPError(http.StatusUnauthorized, "invalid token")
		},
	}))
	m.GET("/payments", a.listPayments)                       // NEAR scopecheck s33
	m.GET("/payments/:id", a.getPayment)                     // NEAR scopecheck s34
	m.POST("/payments/:id/refund", a.refund)                 // WANT scopecheck S16
	m.POST("/payouts", a.createPayout, requireRole("owner")) // NEAR scopecheck s35
	m.PUT("/webhook-endpoints/:id", a.updateEndpoint)        // WANT scopecheck S17
	m.DELETE("/team/:email", a.removeTeamMember)             // WANT scopecheck S18
	m.POST("/disputes/:id/evidence", a.submitEvidence)       // NEAR scopecheck s36
	m.POST("/links", a.createLink)                           // NEAR scopecheck s37

	sup := e.Group("/support", a.supportOnly)
	sup.POST("/payments/:id/refund", a.refund)
}

func (a *API) login(c echo.Context) error {
	var req struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := c.Bind(&req); err != nil {
		return echo.ErrBadRequest
	}
	u, err := a.store.CheckPassword(req.Email, req.Password)
	if err != nil {
		a.log.WithFields(logrus.Fields{"email": req.Email, "password": req.Password}).Warn("dashboard login failed") // WANT tokenlog T17
		return echo.ErrUnauthorized
	}
	now := time.Now()
	claims := MerchantClaims{
		RegisteredClaims: jwt.RegisteredClaims{Subject: u.Email, IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(8 * time.Hour))},
		MerchantID:       u.MerchantID,
		Role:             u.Role,
	}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(a.cfg.JWTKey) // NEAR tokenverify v10
	if err != nil {
		return err
	}
	// The dashboard SPA reads the token to put it in the Authorization header.
	c.SetCookie(&http.Cookie{Name: "pd_token", Value: signed, Path: "/", Secure: true, SameSite: http.SameSiteStrictMode, MaxAge: 8 * 3600}) // WANT credexposure C06
	c.SetCookie(&http.Cookie{Name: "XSRF-TOKEN", Value: randomID(), Path: "/", Secure: true, SameSite: http.SameSiteStrictMode})             // NEAR credexposure c06
	a.log.WithField("email", u.Email).Info("dashboard login")
	return c.JSON(http.StatusOK, map[string]string{"token": signed})
}
