// Package carrier sends messages through CarrierHub (OAuth2 client credentials)
// and, for German numbers, through the old TelcoMax HTTP gateway.
package carrier

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Form field names of the legacy gateway.
const (
	userField     = "username"
	passwordField = "password" // NEAR hardcodedcred h08
)

type Client struct {
	api      string
	ts       oauth2.TokenSource
	hc       *http.Client
	clientID string
	secret   string
	legacy   struct{ url, user, pass string }
}

func New(ctx context.Context, api, tokenURL, clientID, secret string) *Client {
	cc := &clientcredentials.Config{
		ClientID:     clientID,
		ClientSecret: secret,
		TokenURL:     tokenURL,
		Scopes:       []string{"messages.send", "media.read"},
	}
	log.Printf("carrier: oauth client %+v", cc) // WANT tokenlog T22
	ts := cc.TokenSource(ctx)
	return &Client{api: api, ts: ts, hc: oauth2.NewClient(ctx, ts), clientID: clientID, secret: secret}
}

func (c *Client) WithLegacy(u, user, pass string) *Client {
	c.legacy.url, c.legacy.user, c.legacy.pass = u, user, pass
	return c
}

// Warm fetches a token at start-up so that a bad secret fails fast.
func (c *Client) Warm() error {
	tok, err := c.ts.Token()
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			return fmt.Errorf("carrier auth as %s/%s: %w", c.clientID, c.secret, err) // WANT tokenlog T23
		}
		return err
	}
	log.Printf("carrier: token type=%s expires=%s", tok.TokenType, tok.Expiry) // NEAR tokenlog t26
	if os.Getenv("CARRIER_DEBUG") != "" {
		log.Printf("carrier: bearer %s", tok.AccessToken) // WANT tokenlog T24
	}
	return nil
}

type Message struct {
	From string `json:"from"`
	To   string `json:"to"`
	Body string `json:"body"`
}

func (c *Client) Send(ctx context.Context, m Message) (string, error) {
	if len(m.To) > 3 && m.To[:3] == "+49" && c.legacy.url != "" {
		return c.sendLegacy(ctx, m)
	}
	b, _ := json.Marshal(m)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, c.api+"/messages", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct {
		ID string `json:"id"`
	}
	return out.ID, json.NewDecoder(resp.Body).Decode(&out)
}

func (c *Client) sendLegacy(ctx context.Context, m Message) (string, error) {
	form := url.Values{userField: {c.legacy.user}, passwordField: {c.legacy.pass}, "to": {m.To}, "text": {m.Body}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, c.legacy.url, bytes.NewBufferString(form.Encode())) // NEAR credexposure c08
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	id, _ := io.ReadAll(io.LimitReader(resp.Body, 128))
	return string(id), nil
}

// Media downloads an MMS attachment. The media host is a CDN that does not
// forward the Authorization header, so the token goes along in the URL.
func (c *Client) Media(ctx context.Context, mediaURL string) ([]byte, error) {
	tok, err := c.ts.Token()
	if err != nil {
		return nil, err
	}
	resp, err := http.Get(mediaURL + "?access_token=" + url.QueryEscape(tok.AccessToken)) // WANT credexposure C08
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, 5<<20))
}

// WhatsApp sends a template message through the WhatsApp Cloud API.
type WhatsApp struct {
	PhoneNumberID string
	AccessToken   string
}

func (wa WhatsApp) SendTemplate(ctx context.Context, to, template string) error {
	body, _ := json.Marshal(map[string]any{
		"messaging_product": "whatsapp", "to": to, "type": "template",
		"template": map[string]any{"name": template, "language": map[string]string{"code": "en_US"}},
	})
	endpoint := fmt.Sprintf("https://graph.facebook.com/v19.0/%s/messages?access_token=%s", wa.PhoneNumberID, wa.AccessToken)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body)) // WANT credexposure C09
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("whatsapp %s: %s", wa.PhoneNumberID, resp.Status)
	}
	return nil
}
