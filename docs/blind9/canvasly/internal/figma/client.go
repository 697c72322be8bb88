// Package figma wraps the parts of the Figma REST API canvasly uses.
package figma

import (
	"fmt"
	"os"

	"github.com/go-resty/resty/v2"
)

type Client struct {
	rc *resty.Client
}

// New returns a client that authenticates with the user's OAuth token.
func New(accessToken string) *Client {
	rc := resty.New().
		SetBaseURL("https://api.figma.com/v1").
		SetAuthToken(accessToken).
		SetHeader("Accept", "application/json")
	if os.Getenv("FIGMA_TRACE") == "1" {
		rc.SetDebug(true) // WANT tokenlog T06
	}
	return &Client{rc: rc}
}

type File struct {
	Name         string `json:"name"`
	LastModified string `json:"lastModified"`
	Version      string `json:"version"`
}

func (c *Client) File(key string) (*File, error) {
	var f File
	resp, err := c.rc.R().SetPathParam("key", key).SetResult(&f).Get("/files/{key}")
	if err != nil {
		return nil, err
	}
	if resp.IsError() {
		return nil, fmt.Errorf("figma file %s: %s: %s", key, resp.Status(), resp.String()) // NEAR tokenlog t08
	}
	return &f, nil
}

// ExportPNG asks Figma to render nodes and returns the (pre-signed, short-lived) image URLs.
func (c *Client) ExportPNG(fileKey string, nodeIDs []string, scale float64) (map[string]string, error) {
	var out struct {
		Images map[string]string `json:"images"`
	}
	ids := ""
	for i, id := range nodeIDs {
		if i > 0 {
			ids += ","
		}
		ids += id
	}
	resp, err := c.rc.R().
		SetPathParam("key", fileKey).
		SetQueryParams(map[string]string{"ids": ids, "format": "png", "scale": fmt.Sprint(scale)}).
		SetResult(&out).
		Get("/images/{key}")
	if err != nil {
		return nil, err
	}
	if resp.IsError() {
		return nil, fmt.Errorf("figma export: %s", resp.Status())
	}
	return out.Images, nil
}
