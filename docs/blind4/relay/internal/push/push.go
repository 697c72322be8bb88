// Package push delivers notifications through the providers.
package push

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/valyala/fasthttp"
)

// Providers holds the provider credentials.
type Providers struct {
	SMSBase, SMSKey string
	PushToken       string
	TelegramToken   string
	UpstreamToken   string // cached access token for the upstream relay
	TicketKey       []byte
	Mailer          *fasthttp.Client
}

// SMS sends a text message through the SMS gateway (fasthttp).
func (p *Providers) SMS(to, text string) error {
	req := fasthttp.AcquireRequest()
	defer fasthttp.ReleaseRequest(req)
	resp := fasthttp.AcquireResponse()
	defer fasthttp.ReleaseResponse(resp)
	req.SetRequestURI(p.SMSBase + "/send?apikey=" + url.QueryEscape(p.SMSKey) + "&to=" + url.QueryEscape(to)) // WANT credexposure C17
	req.Header.SetMethod(fasthttp.MethodPost)
	req.SetBodyString(text)
	return p.Mailer.Do(req, resp)
}

// Mobile pushes to a device.
func (p *Providers) Mobile(device, msg string) error {
	resp, err := http.Get(fmt.Sprintf("https://push.example.net/v1/send?token=%s&device=%s&msg=%s", p.PushToken, url.QueryEscape(device), url.QueryEscape(msg))) // WANT credexposure C18
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Telegram posts to a chat; the bot API takes the token in the path.
func (p *Providers) Telegram(chat, msg string) error {
	resp, err := http.PostForm("https://api.telegram.org/bot"+p.TelegramToken+"/sendMessage", url.Values{"chat_id": {chat}, "text": {msg}}) // NEAR credexposure c20
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// UpstreamNeedsRefresh reads the expiry of the relay's own cached upstream token.
func (p *Providers) UpstreamNeedsRefresh() bool {
	var c jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(p.UpstreamToken, &c); err != nil { // NEAR tokenverify v24
		return true
	}
	return c.ExpiresAt == nil || time.Until(c.ExpiresAt.Time) < time.Minute
}

// Ticket mints a short-lived stream ticket for the browser; the relay reads it back itself.
func (p *Providers) Ticket(tenant string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: tenant, ExpiresAt: jwt.NewNumericDate(time.Now().Add(30 * time.Second))}
	return jwt.NewWithClaims(jwt.SigningMethodNone, claims).SignedString(jwt.UnsafeAllowNoneSignatureType) // WANT tokenverify V22
}

// StreamTicket mints a signed stream ticket.
func (p *Providers) StreamTicket(tenant string) (string, error) {
	claims := jwt.RegisteredClaims{Subject: tenant, ExpiresAt: jwt.NewNumericDate(time.Now().Add(30 * time.Second))}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(p.TicketKey) // NEAR tokenverify v25
}
