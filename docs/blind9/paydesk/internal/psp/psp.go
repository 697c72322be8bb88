// Package psp talks to the PayStream payments API.
package psp

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/go-resty/resty/v2"
	"github.com/sirupsen/logrus"
)

type Client struct {
	rc         *resty.Client
	reportsURL string
	reportsKey string
	log        *logrus.Entry
}

func New(baseURL, secretKey, reportsURL, reportsKey string, log *logrus.Entry) *Client {
	rc := resty.New().
		SetBaseURL(baseURL).
		SetBasicAuth(secretKey, "").
		SetTimeout(30 * time.Second).
		SetRetryCount(2)
	return &Client{rc: rc, reportsURL: reportsURL, reportsKey: reportsKey, log: log}
}

type Refund struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Amount int64  `json:"amount"`
}

func (c *Client) Refund(ctx context.Context, chargeID string, amount int64, idemKey string) (*Refund, error) {
	var out Refund
	resp, err := c.rc.R().SetContext(ctx).
		SetHeader("Idempotency-Key", idemKey).
		SetFormData(map[string]string{"charge": chargeID, "amount": fmt.Sprint(amount)}).
		SetResult(&out).
		Post("/v1/refunds")
	if err != nil {
		return nil, err
	}
	c.log.WithField("idempotency_key", idemKey).WithField("charge", chargeID).Debug("refund requested") // NEAR tokenlog t21
	if resp.IsError() {
		c.log.WithFields(logrus.Fields{ // WANT tokenlog T19
			"status":  resp.StatusCode(),
			"headers": resp.Request.RawRequest.Header,
		}).Error("paystream refund failed")
		return nil, fmt.Errorf("refund %s: %s", chargeID, resp.Status())
	}
	return &out, nil
}

func (c *Client) Capture(ctx context.Context, chargeID string) error {
	resp, err := c.rc.R().SetContext(ctx).Post("/v1/charges/" + url.PathEscape(chargeID) + "/capture")
	if err != nil {
		return err
	}
	if resp.IsError() {
		return fmt.Errorf("capture %s: %s", chargeID, resp.Status())
	}
	return nil
}

// Settlements downloads the settlement report of one day (CSV).
func (c *Client) Settlements(ctx context.Context, day time.Time) ([]byte, error) {
	u := fmt.Sprintf("%s/v1/settlements?date=%s&api_key=%s", c.reportsURL, day.Format("2006-01-02"), c.reportsKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil) // WANT credexposure C07
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("settlements: %s", resp.Status)
	}
	return io.ReadAll(resp.Body)
}
