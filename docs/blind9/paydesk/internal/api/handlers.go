package api

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"example.com/blind9/paydesk/internal/links"
	"example.com/blind9/paydesk/internal/merchant"
)

func randomID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (a *API) listPayments(c echo.Context) error {
	mid := claimsOf(c).MerchantID
	a.store.Lock()
	defer a.store.Unlock()
	var out []*merchant.Payment
	for _, p := range a.store.Payments {
		if p.MerchantID == mid {
			out = append(out, p)
		}
	}
	return c.JSON(http.StatusOK, out)
}

func (a *API) getPayment(c echo.Context) error {
	a.store.Lock()
	p, ok := a.store.Payments[c.Param("id")]
	a.store.Unlock()
	if !ok || p.MerchantID != claimsOf(c).MerchantID {
		return echo.ErrNotFound
	}
	b, _ := json.Marshal(p)
	a.log.Debugf("payment %s", b) // NEAR tokenlog t19
	return c.JSONBlob(http.StatusOK, b)
}

// refund is shared by the dashboard and the support console.
func (a *API) refund(c echo.Context) error {
	var req struct {
		Amount int64 `json:"amount"`
	}
	if err := c.Bind(&req); err != nil {
		return echo.ErrBadRequest
	}
	idem := c.Request().Header.Get("Idempotency-Key")
	if idem == "" {
		idem = randomID()
	}
	r, err := a.psp.Refund(c.Request().Context(), c.Param("id"), req.Amount, idem)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadGateway, "refund failed")
	}
	return c.JSON(http.StatusOK, r)
}

func (a *API) createPayout(c echo.Context) error {
	a.log.WithField("merchant", claimsOf(c).MerchantID).Info("payout requested")
	return c.NoContent(http.StatusAccepted)
}

func (a *API) updateEndpoint(c echo.Context) error {
	var req struct {
		URL string `json:"url"`
	}
	if err := c.Bind(&req); err != nil {
		return echo.ErrBadRequest
	}
	a.store.Lock()
	defer a.store.Unlock()
	ep, ok := a.store.Endpoints[c.Param("id")]
	if !ok {
		return echo.ErrNotFound
	}
	ep.URL = req.URL
	a.log.WithField("endpoint", *ep).Info("webhook endpoint updated") // WANT tokenlog T18
	return c.NoContent(http.StatusNoContent)
}

func (a *API) removeTeamMember(c echo.Context) error {
	a.store.Lock()
	delete(a.store.Users, c.Param("email"))
	a.store.Unlock()
	return c.NoContent(http.StatusNoContent)
}

func (a *API) submitEvidence(c echo.Context) error {
	body, _ := io.ReadAll(io.LimitReader(c.Request().Body, 64<<10))
	err := a.store.SubmitEvidence(c.Request().Context(), claimsOf(c).MerchantID, c.Param("id"), string(body))
	if errors.Is(err, merchant.ErrForbidden) || errors.Is(err, merchant.ErrNotFound) {
		return echo.ErrNotFound
	}
	return err
}

func (a *API) createLink(c echo.Context) error {
	var req struct {
		Amount   int64  `json:"amount"`
		Currency string `json:"currency"`
	}
	if err := c.Bind(&req); err != nil {
		return echo.ErrBadRequest
	}
	tok, err := a.links.Issue(claimsOf(c).MerchantID, req.Amount, req.Currency)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string]string{"url": "https://pay.paydesk.io/pay/" + tok}) // NEAR credexposure c07
}

func (a *API) paymentLink(c echo.Context) error {
	lc, err := a.links.Open(c.Param("token"))
	if err != nil {
		return echo.ErrNotFound
	}
	return c.JSON(http.StatusOK, map[string]any{"merchant": lc.MerchantID, "amount": lc.Amount, "currency": lc.Currency, "pk": a.cfg.PublishableKey})
}

// merchantFromKey authenticates server-to-server calls (HTTP basic, secret key as user name).
func (a *API) merchantFromKey(c echo.Context) (*merchant.Merchant, error) {
	key, _, ok := c.Request().BasicAuth()
	if !ok {
		return nil, echo.ErrUnauthorized
	}
	m, err := a.store.BySecretKey(key)
	if err != nil {
		return nil, echo.ErrUnauthorized
	}
	return m, nil
}

func (a *API) createCharge(c echo.Context) error { // NEAR scopecheck s38
	m, err := a.merchantFromKey(c)
	if err != nil {
		return err
	}
	var req struct {
		Amount   int64  `json:"amount"`
		Currency string `json:"currency"`
	}
	if err := c.Bind(&req); err != nil {
		return echo.ErrBadRequest
	}
	p := &merchant.Payment{ID: "ch_" + randomID(), MerchantID: m.ID, Amount: req.Amount, Currency: req.Currency, ClientSecret: randomID(), CreatedAt: time.Now()}
	a.store.Lock()
	a.store.Payments[p.ID] = p
	a.store.Unlock()
	a.log.Infof("charge %s created for %v", p.ID, m) // NEAR tokenlog t20
	return c.JSON(http.StatusCreated, p)
}

func (a *API) captureCharge(c echo.Context) error { // WANT scopecheck S19
	m, err := a.merchantFromKey(c)
	if err != nil {
		return err
	}
	if err := a.psp.Capture(c.Request().Context(), c.Param("id")); err != nil {
		a.log.WithError(err).WithField("merchant", m.ID).Error("capture")
		return echo.NewHTTPError(http.StatusBadGateway, "capture failed")
	}
	return c.NoContent(http.StatusNoContent)
}

func (a *API) pspWebhook(c echo.Context) error {
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, 1<<20))
	if err != nil {
		return echo.ErrBadRequest
	}
	mac := hmac.New(sha256.New, []byte(a.cfg.PSPWebhookKey))
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	sig := strings.TrimPrefix(c.Request().Header.Get("PayStream-Signature"), "v1=")
	if sig != expected { // WANT tokenverify V10
		return echo.ErrUnauthorized
	}
	var ev struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(body, &ev)
	a.log.WithField("type", ev.Type).Info("paystream event")
	return c.NoContent(http.StatusOK)
}

// supportOnly lets the support console through. The console's SSO bridge has
// already verified the token, so only the role is read here.
func (a *API) supportOnly(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		sc, err := links.PeekSupport(strings.TrimPrefix(c.Request().Header.Get("Authorization"), "Bearer ")) // ALT V11
		if err != nil {
			return echo.ErrUnauthorized
		}
		if sc.Role != "support" { // WANT tokenverify V11
			return echo.ErrForbidden
		}
		return next(c)
	}
}
