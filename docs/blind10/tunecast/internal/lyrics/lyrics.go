// Package lyrics is a small client for the lyrics partner's REST API.
package lyrics

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

type Lyrics struct {
	ISRC      string   `json:"isrc"`
	Lines     []string `json:"lines"`
	Copyright string   `json:"copyright"`
}

type Client struct {
	baseURL, apiKey string
	hc              *http.Client
}

func New(baseURL, apiKey string) *Client {
	return &Client{baseURL: baseURL, apiKey: apiKey, hc: &http.Client{Timeout: 4 * time.Second}}
}

// Lookup fetches the lyrics of a recording by ISRC. The partner only takes its key as a query
// parameter.
func (c *Client) Lookup(ctx context.Context, isrc string) (*Lyrics, error) {
	q := url.Values{"isrc": {isrc}, "apikey": {c.apiKey}, "format": {"lines"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/lyrics?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("lyrics lookup %s: %w", isrc, err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		var l Lyrics
		return &l, json.NewDecoder(resp.Body).Decode(&l)
	case http.StatusNotFound:
		return nil, nil
	}
	return nil, fmt.Errorf("lyrics lookup %s: status %d", isrc, resp.StatusCode)
}
