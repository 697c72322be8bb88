// Package relay hands outgoing mail to the upstream relay (a Mailgun-style HTTP API).
package relay

import (
	"context"
	"fmt"
	"time"

	"github.com/go-resty/resty/v2"
	"github.com/sirupsen/logrus"
)

// Provider is one upstream relay account.
type Provider struct {
	Name    string
	BaseURL string
	APIKey  string
	Domain  string
	Bearer  bool // SendGrid-style bearer key instead of Mailgun-style basic auth
}

type Message struct {
	From, To, Subject, HTML, Text string
	Tags                          []string
}

type Client struct {
	p   Provider
	rc  *resty.Client
	log *logrus.Entry
}

func New(p Provider, log *logrus.Logger) *Client {
	rc := resty.New().SetBaseURL(p.BaseURL).SetTimeout(20 * time.Second).SetRetryCount(2)
	if p.Bearer {
		rc.SetAuthToken(p.APIKey)
	} else {
		rc.SetBasicAuth("api", p.APIKey)
	}
	log.Infof("relay provider configured: %+v", p) // WANT tokenlog T11
	return &Client{p: p, rc: rc, log: log.WithField("relay", p.Name)}
}

// Send submits a message and returns the relay's message id.
func (c *Client) Send(ctx context.Context, m Message) (string, error) {
	var out struct {
		ID      string `json:"id"`
		Message string `json:"message"`
	}
	form := map[string]string{"from": m.From, "to": m.To, "subject": m.Subject, "html": m.HTML, "text": m.Text}
	req := c.rc.R().SetContext(ctx).SetFormData(form).SetResult(&out)
	for _, t := range m.Tags {
		req.FormData.Add("o:tag", t)
	}
	resp, err := req.Post("/" + c.p.Domain + "/messages")
	if err != nil {
		return "", fmt.Errorf("relay %s: %w", c.p.Name, err)
	}
	if resp.IsError() {
		return "", fmt.Errorf("relay %s: %s: %s", c.p.Name, resp.Status(), resp.String())
	}
	c.log.WithField("relay_id", out.ID).Debug("message accepted")
	return out.ID, nil
}
