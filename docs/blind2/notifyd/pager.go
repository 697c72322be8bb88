package notifyd

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
)

// Pager posts events to PagerDuty or the self-hosted alert relay.
type Pager struct {
	url, key string
}

// NewPager returns a pager; relayHost is set when the relay is used.
func NewPager(s Settings, relayHost string) *Pager {
	if relayHost != "" {
		return &Pager{url: fmt.Sprintf("https://%s/v2/enqueue", relayHost), key: s.PagerDutyKey}
	}
	return &Pager{url: s.PagerDutyURL, key: s.PagerDutyKey}
}

// Trigger sends one alert.
func (p *Pager) Trigger(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set(apiKeyHeader, p.key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// opsgenieLegacy forwards to the legacy Opsgenie bridge in the DMZ.
func opsgenieLegacy(ctx context.Context, apiKey string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://opsgenie-bridge.dmz.notifyd.io/v2/alerts", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "GenieKey "+apiKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
