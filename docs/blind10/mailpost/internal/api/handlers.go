package api

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v4"
	"github.com/labstack/echo/v4"

	"example.com/blind10/mailpost/internal/relay"
	"example.com/blind10/mailpost/internal/store"
)

type sendRequest struct {
	From    string   `json:"from"`
	To      string   `json:"to"`
	Subject string   `json:"subject"`
	HTML    string   `json:"html"`
	Text    string   `json:"text"`
	Tags    []string `json:"tags"`
}

func newID() string { b := make([]byte, 10); _, _ = rand.Read(b); return hex.EncodeToString(b) }

func (s *Server) send(c echo.Context) error {
	acct, k := accountOf(c), keyOf(c)
	if !k.HasScope("mail.send") {
		return echo.NewHTTPError(http.StatusForbidden, "key lacks scope mail.send")
	}
	var req sendRequest
	if err := c.Bind(&req); err != nil || req.To == "" || req.From == "" {
		return echo.NewHTTPError(http.StatusBadRequest, "from and to are required")
	}
	_, domain, _ := strings.Cut(req.From, "@")
	if d, err := s.store.Domain(domain); err != nil || d.AccountID != acct.ID || !d.Verified {
		return echo.NewHTTPError(http.StatusForbidden, "sender domain is not verified for this account")
	}
	if s.store.Suppressed(req.To) {
		return echo.NewHTTPError(http.StatusUnprocessableEntity, "recipient is suppressed")
	}
	unsub, err := s.unsubscribeToken(acct.ID, req.To)
	if err != nil {
		return err
	}
	msg := relay.Message{From: req.From, To: req.To, Subject: req.Subject, Text: req.Text,
		HTML: req.HTML + `<p style="font-size:11px"><a href="https://mailpost.io/u/` + unsub + `">Unsubscribe</a></p>`, Tags: req.Tags}
	relayID, err := s.relay.Send(c.Request().Context(), msg)
	if err != nil {
		s.log.WithError(err).WithField("account", acct.ID).Warn("primary relay failed, trying fallback") // NEAR tokenlog t11
		if relayID, err = s.fallback.Send(c.Request().Context(), msg); err != nil {
			return err
		}
	}
	m := &store.Message{ID: newID(), AccountID: acct.ID, RelayID: relayID, To: req.To, Subject: req.Subject, Status: "queued", SentAt: time.Now()}
	s.store.AddMessage(m)
	return c.JSON(http.StatusAccepted, m)
}

func (s *Server) stats(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]any{"account": accountOf(c).ID, "window": "24h"})
}

func (s *Server) getMessage(c echo.Context) error {
	m, err := s.store.Message(c.Param("id"))
	if err != nil {
		return echo.ErrNotFound
	}
	return c.JSON(http.StatusOK, m)
}

func (s *Server) deleteSuppression(c echo.Context) error {
	if err := s.store.Unsuppress(strings.ToLower(c.Param("address"))); err != nil {
		return echo.ErrNotFound
	}
	return c.NoContent(http.StatusNoContent)
}

// verifyDomain checks the TXT record the dashboard asked the customer to publish.
func (s *Server) verifyDomain(c echo.Context) error {
	d, err := s.store.Domain(c.Param("domain"))
	if err != nil || d.AccountID != accountOf(c).ID {
		return echo.ErrNotFound
	}
	ctx, cancel := context.WithTimeout(c.Request().Context(), 5*time.Second)
	defer cancel()
	txts, err := net.DefaultResolver.LookupTXT(ctx, "_mailpost."+d.Name)
	if err != nil {
		return echo.NewHTTPError(http.StatusFailedDependency, "TXT record not found")
	}
	for _, t := range txts {
		if t == "mailpost-verify="+d.AccountID {
			s.store.MarkVerified(d.Name)
			return c.NoContent(http.StatusNoContent)
		}
	}
	return echo.NewHTTPError(http.StatusFailedDependency, "TXT record does not match")
}

func (s *Server) createAPIKey(c echo.Context) error {
	var body struct {
		Scopes []string `json:"scopes"`
	}
	if err := c.Bind(&body); err != nil {
		return echo.ErrBadRequest
	}
	if len(body.Scopes) == 0 {
		body.Scopes = []string{"full_access"}
	}
	raw, k := s.keys.Create(c.Param("id"), body.Scopes)
	s.log.WithFields(map[string]any{"account": k.AccountID, "key_id": k.ID, "by": userOf(c)}).Info("api key created")
	return c.JSON(http.StatusCreated, map[string]any{"id": k.ID, "key": raw, "scopes": k.Scopes})
}

// invite mails a join link to a new team member.
func (s *Server) invite(c echo.Context) error {
	var body struct {
		Email string `json:"email"`
		Role  string `json:"role"`
	}
	if err := c.Bind(&body); err != nil || body.Email == "" {
		return echo.ErrBadRequest
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"acct": c.Param("id"), "email": body.Email, "role": body.Role, "by": userOf(c)}) // WANT tokenverify V09
	signed, err := tok.SignedString(s.cfg.InviteSecret)
	if err != nil {
		return err
	}
	_, err = s.relay.Send(c.Request().Context(), relay.Message{From: "team@mailpost.io", To: body.Email, Subject: "You have been invited to mailpost",
		Text: "Join your team: https://app.mailpost.io/join?invite=" + signed})
	if err != nil {
		return err
	}
	return c.NoContent(http.StatusAccepted)
}

// relayEvents receives delivery events; the relay signs timestamp+token with our webhook key.
func (s *Server) relayEvents(c echo.Context) error {
	var ev struct {
		Signature struct {
			Timestamp string `json:"timestamp"`
			Token     string `json:"token"`
			Signature string `json:"signature"`
		} `json:"signature"`
		EventData struct {
			Event     string `json:"event"`
			Recipient string `json:"recipient"`
			Message   struct {
				Headers struct {
					MessageID string `json:"message-id"`
				} `json:"headers"`
			} `json:"message"`
		} `json:"event-data"`
	}
	if err := c.Bind(&ev); err != nil {
		return echo.ErrBadRequest
	}
	mac := hmac.New(sha256.New, s.cfg.RelayWebhookKey)
	mac.Write([]byte(ev.Signature.Timestamp + ev.Signature.Token))
	if hex.EncodeToString(mac.Sum(nil)) != ev.Signature.Signature { // WANT tokenverify V10
		return echo.ErrUnauthorized
	}
	switch ev.EventData.Event {
	case "failed", "complained":
		s.store.Suppress(strings.ToLower(ev.EventData.Recipient), ev.EventData.Event)
	}
	s.store.SetStatusByRelayID(ev.EventData.Message.Headers.MessageID, ev.EventData.Event)
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) suspend(c echo.Context) error {
	acct, err := s.store.Account(c.Param("id"))
	if err != nil {
		return echo.ErrNotFound
	}
	s.log.Warnf("suspending account %v: %s", acct, c.QueryParam("reason")) // NEAR tokenlog t12
	_ = s.store.SetSuspended(acct.ID, true)
	return c.NoContent(http.StatusNoContent)
}

// unsubClaims are carried by the unsubscribe link of every message.
type unsubClaims struct {
	Account string `json:"acct"`
	Email   string `json:"email"`
	jwt.RegisteredClaims
}

func (s *Server) unsubscribeToken(accountID, email string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, unsubClaims{Account: accountID, Email: email, // NEAR tokenverify v13
		RegisteredClaims: jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().AddDate(0, 0, 60))}})
	return t.SignedString(s.cfg.UnsubSecret)
}

// oneClickUnsubscribe serves RFC 8058 List-Unsubscribe-Post requests.
func (s *Server) oneClickUnsubscribe(c echo.Context) error { // NEAR scopecheck s27
	var cl unsubClaims
	_, err := jwt.ParseWithClaims(c.Param("token"), &cl, func(t *jwt.Token) (interface{}, error) { // NEAR tokenverify v14
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return s.cfg.UnsubSecret, nil
	})
	if err != nil {
		return echo.ErrNotFound
	}
	s.store.Suppress(strings.ToLower(cl.Email), "unsubscribed:"+cl.Account)
	return c.NoContent(http.StatusOK)
}

// legacyUnsubscribe serves the links of mail sent before the 2023 relay migration; they were
// signed with a key that was retired with the old relay, so they cannot be verified any more.
func (s *Server) legacyUnsubscribe(c echo.Context) error {
	var cl unsubClaims
	if _, _, err := jwt.NewParser().ParseUnverified(c.QueryParam("t"), &cl); err != nil { // ALT V11
		return echo.ErrNotFound
	}
	s.store.Suppress(strings.ToLower(cl.Email), "unsubscribed:"+cl.Account) // WANT tokenverify V11
	return c.HTML(http.StatusOK, "<p>You have been unsubscribed.</p>")
}
