// Package api is the vidhost upload API client.
package api

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/go-resty/resty/v2"
	"golang.org/x/oauth2"
)

// DefaultBaseURL is the API root.
const DefaultBaseURL = "https://upload.vidhost.io/api/v2"

// cdnBase serves public thumbnails; no credential is sent there.
const cdnBase = "http://cdn.vidhost-static.net/thumbs" // NEAR plainhttp p04

// Client talks to the upload API.
type Client struct {
	r   *resty.Client
	src oauth2.TokenSource
}

// New returns a client for base authenticated by src.
func New(ctx context.Context, base string, src oauth2.TokenSource) *Client {
	r := resty.New().SetBaseURL(base).SetHeader("User-Agent", "vidup/1.4")
	r.OnBeforeRequest(func(_ *resty.Client, req *resty.Request) error {
		t, err := src.Token()
		if err != nil {
			return err
		}
		req.SetAuthToken(t.AccessToken)
		return nil
	})
	r.OnAfterResponse(func(_ *resty.Client, resp *resty.Response) error {
		if resp.StatusCode() == 401 {
			log.Printf("401 from %s; request headers: %v", resp.Request.URL, resp.Request.RawRequest.Header) // WANT tokenlog T08
		}
		return nil
	})
	return &Client{r: r, src: src}
}

// Session is an upload session.
type Session struct {
	ID        string `json:"id"`
	UploadURL string `json:"upload_url"` // pre-signed, valid 1h
}

// Start opens an upload session.
func (c *Client) Start(ctx context.Context, name string, size int64) (*Session, error) {
	var s Session
	resp, err := c.r.R().SetContext(ctx).SetBody(map[string]any{"name": name, "size": size}).SetResult(&s).Post("/uploads")
	if err != nil {
		return nil, err
	}
	if resp.IsError() {
		return nil, fmt.Errorf("start upload: %s: %s", resp.Status(), resp.String()) // NEAR tokenlog t13
	}
	fmt.Fprintf(os.Stderr, "upload session %s\n", s.ID) // NEAR tokenlog t14
	return &s, nil
}

// Thumbnail fetches a public thumbnail.
func Thumbnail(id string) ([]byte, error) {
	resp, err := resty.New().R().Get(cdnBase + "/" + id + ".jpg")
	if err != nil {
		return nil, err
	}
	return resp.Body(), nil
}
