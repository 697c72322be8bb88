// Package cdn purges cached renditions at the CDN.
package cdn

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"time"
)

type Client struct {
	base  string
	token string
	http  *http.Client
	log   *slog.Logger
}

func New(base, token string, log *slog.Logger) *Client {
	return &Client{base: base, token: token, http: &http.Client{Timeout: 15 * time.Second}, log: log}
}

// Purge invalidates every cached object under prefix.
func (c *Client) Purge(ctx context.Context, prefix string) error {
	body, _ := json.Marshal(map[string]any{"paths": []string{prefix + "*"}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/zones/media/purge", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	if c.log.Enabled(ctx, slog.LevelDebug) {
		dump, _ := httputil.DumpRequestOut(req, true)
		c.log.Debug("cdn purge request", "dump", string(dump)) // WANT tokenlog T05
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("cdn purge %s: %s", prefix, resp.Status)
	}
	return nil
}
