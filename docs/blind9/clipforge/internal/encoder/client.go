// Package encoder is a small client for the EncodeCloud transcoding API and its
// view analytics service.
package encoder

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"
)

type Options struct {
	BaseURL      string
	TokenID      string
	TokenSecret  string
	AnalyticsURL string
	AnalyticsKey string
	Timeout      time.Duration
}

type Client struct {
	opts Options
	hc   *http.Client
	log  *slog.Logger
}

func New(opts Options, log *slog.Logger) *Client {
	if opts.Timeout == 0 {
		opts.Timeout = 20 * time.Second
	}
	log.Debug("encoder client configured", "options", fmt.Sprintf("%+v", opts)) // WANT tokenlog T04
	return &Client{opts: opts, hc: &http.Client{Timeout: opts.Timeout}, log: log}
}

func (c *Client) do(ctx context.Context, method, path string, body any, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.opts.BaseURL+path, rd)
	if err != nil {
		return err
	}
	req.SetBasicAuth(c.opts.TokenID, c.opts.TokenSecret)
	req.Header.Set("Content-Type", "application/json")
	c.log.Debug("encoder request", "method", method, "url", req.URL.String(), "token_id", c.opts.TokenID) // NEAR tokenlog t07
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusUnauthorized:
		return fmt.Errorf("encoder refused %s:%s: %s", c.opts.TokenID, c.opts.TokenSecret, resp.Status) // WANT tokenlog T05
	case resp.StatusCode >= 300:
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("encoder %s %s: %s: %s", method, path, resp.Status, msg)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) DeleteAsset(ctx context.Context, id string) error {
	return c.do(ctx, http.MethodDelete, "/assets/"+url.PathEscape(id), nil, nil)
}

type ViewStats struct {
	Views       int64   `json:"views"`
	WatchTimeS  float64 `json:"watch_time_seconds"`
	UniqueUsers int64   `json:"unique_viewers"`
}

// Views reads view counts from the analytics service, which authenticates with an API key.
func (c *Client) Views(ctx context.Context, playbackID string, since time.Time) (*ViewStats, error) {
	q := url.Values{}
	q.Set("playback_id", playbackID)
	q.Set("since", since.UTC().Format(time.RFC3339))
	q.Set("api_key", c.opts.AnalyticsKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.opts.AnalyticsURL+"/views?"+q.Encode(), nil) // WANT credexposure C01
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("analytics: %s", resp.Status)
	}
	var st ViewStats
	return &st, json.NewDecoder(resp.Body).Decode(&st)
}

// PlaybackURL is handed to the player; the token is a signed, expiring playback
// token bound to this one playback id.
func PlaybackURL(playbackID, signedToken string) string {
	return fmt.Sprintf("https://stream.clipforge.tv/%s.m3u8?token=%s", url.PathEscape(playbackID), url.QueryEscape(signedToken)) // NEAR credexposure c01
}
