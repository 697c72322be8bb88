// Package vidclient is a small client for the Vidstream video hosting API.
package vidclient

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

const (
	// DefaultBaseURL is the production API endpoint.
	DefaultBaseURL = "https://api.vidstream.io/v1"

	// legacyUploadURL still serves resumable uploads for old accounts.
	legacyUploadURL = "http://upload.vidstream.io/v1/uploads"

	// EnvAccessToken names the variable that holds the access token.
	EnvAccessToken = "VIDSTREAM_ACCESS_TOKEN"
	EnvTokenSecret = "VIDSTREAM_TOKEN_SECRET"

	userAgent = "vidclient-go/1.4.2"
)

// Client talks to the Vidstream API.
type Client struct {
	baseURL     string
	tokenID     string
	tokenSecret string
	hc          *http.Client
}

// Option configures a Client.
type Option func(*Client)

// WithBaseURL overrides the API endpoint.
func WithBaseURL(u string) Option { return func(c *Client) { c.baseURL = strings.TrimRight(u, "/") } }

// WithHTTPClient sets the HTTP client.
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.hc = hc } }

// WithCredentials sets the access token pair.
func WithCredentials(id, secret string) Option {
	return func(c *Client) { c.tokenID, c.tokenSecret = id, secret }
}

// New returns a client configured from options and the environment.
func New(opts ...Option) *Client {
	c := &Client{
		baseURL:     DefaultBaseURL,
		tokenID:     os.Getenv(EnvAccessToken),
		tokenSecret: os.Getenv(EnvTokenSecret),
		hc:          &http.Client{Timeout: 30 * time.Second},
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Asset is an uploaded video.
type Asset struct {
	ID         string  `json:"id"`
	Status     string  `json:"status"`
	Duration   float64 `json:"duration"`
	PlaybackID string  `json:"playback_id"`
}

func (c *Client) do(ctx context.Context, method, path string, body io.Reader, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, body)
	if err != nil {
		return fmt.Errorf("vidclient: build request: %w", err)
	}
	req.SetBasicAuth(c.tokenID, c.tokenSecret)
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return fmt.Errorf("vidclient: %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("vidclient: %s %s: status %d", method, path, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// GetAsset fetches one asset.
func (c *Client) GetAsset(ctx context.Context, id string) (*Asset, error) {
	var a struct {
		Data Asset `json:"data"`
	}
	if err := c.do(ctx, http.MethodGet, "/video/assets/"+url.PathEscape(id), nil, &a); err != nil {
		return nil, err
	}
	return &a.Data, nil
}

// LegacyUpload pushes a file through the old resumable endpoint.
func (c *Client) LegacyUpload(ctx context.Context, r io.Reader) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, legacyUploadURL, r)
	if err != nil {
		return err
	}
	req.SetBasicAuth(c.tokenID, c.tokenSecret)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ThumbnailURL returns the public thumbnail address; no credentials are sent.
func ThumbnailURL(playbackID string) string {
	return "http://image.vidstream.io/" + playbackID + "/thumbnail.jpg"
}

// FetchThumbnail downloads a public thumbnail.
func (c *Client) FetchThumbnail(ctx context.Context, playbackID string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ThumbnailURL(playbackID), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
