// Package outbound delivers events to customer endpoints and posts to Slack.
package outbound

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Endpoint is a customer's webhook subscription.
type Endpoint struct {
	URL        string
	SigningKey string // per-endpoint secret, shown once to the customer
	LegacyAuth bool   // endpoints created before v2 get the secret as ?secret=
	BasicUser  string
	BasicPass  string
}

// Deliverer posts events.
type Deliverer struct {
	Client *http.Client
}

// Deliver posts one event, signed like Stripe does.
func (d *Deliverer) Deliver(ep Endpoint, body []byte) error {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(ep.SigningKey))
	mac.Write([]byte(ts + "."))
	mac.Write(body)
	req, err := http.NewRequest(http.MethodPost, ep.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Webhook-Signature", fmt.Sprintf("t=%s,v1=%s", ts, hex.EncodeToString(mac.Sum(nil))))
	return d.send(req)
}

// DeliverLegacy posts an event to a v1 endpoint, which authenticates us by the secret in the URL.
func (d *Deliverer) DeliverLegacy(ep Endpoint, body []byte) error {
	u, err := url.Parse(ep.URL)
	if err != nil {
		return err
	}
	q := u.Query()
	q.Set("secret", ep.SigningKey) // WANT credexposure C04
	u.RawQuery = q.Encode()
	req, err := http.NewRequest(http.MethodPost, u.String(), bytes.NewReader(body)) // ALT C04
	if err != nil {
		return err
	}
	return d.send(req)
}

// DeliverPresigned posts to an endpoint with a per-request signature and expiry in the query
// (the customer's gateway only passes query parameters through).
func (d *Deliverer) DeliverPresigned(ep Endpoint, body []byte) error {
	exp := strconv.FormatInt(time.Now().Add(5*time.Minute).Unix(), 10)
	mac := hmac.New(sha256.New, []byte(ep.SigningKey))
	mac.Write([]byte(exp + "."))
	mac.Write(body)
	q := url.Values{"expires": {exp}, "signature": {hex.EncodeToString(mac.Sum(nil))}} // NEAR credexposure c06
	req, err := http.NewRequest(http.MethodPost, ep.URL+"?"+q.Encode(), bytes.NewReader(body))
	if err != nil {
		return err
	}
	return d.send(req)
}

// DeliverBasic posts to an endpoint protected with basic auth.
func (d *Deliverer) DeliverBasic(ep Endpoint, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, ep.URL, bytes.NewReader(body)) // NEAR credexposure c07
	if err != nil {
		return err
	}
	req.SetBasicAuth(ep.BasicUser, ep.BasicPass)
	return d.send(req)
}

// DeliverInline is the fallback of endpoints whose URL template predates the query builder.
func (d *Deliverer) DeliverInline(ep Endpoint, body []byte) error {
	target := fmt.Sprintf("%s?access_key=%s&v=1", ep.URL, ep.SigningKey)          // WANT credexposure C05
	resp, err := d.Client.Post(target, "application/json", bytes.NewReader(body)) // ALT C05
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (d *Deliverer) send(req *http.Request) error {
	resp, err := d.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("endpoint answered %s", resp.Status)
	}
	return nil
}
