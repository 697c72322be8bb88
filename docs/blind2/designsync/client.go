package designsync

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

const (
	headerToken   = "X-Canvasly-Token"
	tokenFileName = "/var/run/secrets/canvasly/token"
	// redactedToken replaces the token when the config is printed.
	redactedToken = "********"
)

// File is a design file.
type File struct {
	Key          string `json:"key"`
	Name         string `json:"name"`
	LastModified string `json:"last_modified"`
}

// Client calls the Canvasly REST API.
type Client struct {
	cfg APIConfig
	hc  *http.Client
}

// NewClient builds a client.
func NewClient(cfg APIConfig) *Client {
	return &Client{cfg: cfg, hc: &http.Client{Timeout: cfg.Timeout}}
}

// Files lists the team's files.
func (c *Client) Files(ctx context.Context) ([]File, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.cfg.BaseURL+"/teams/"+c.cfg.TeamID+"/files", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set(headerToken, c.cfg.PersonalToken)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("list files: %w", err)
	}
	defer resp.Body.Close()
	var out struct {
		Files []File `json:"files"`
	}
	return out.Files, json.NewDecoder(resp.Body).Decode(&out)
}

// Printable returns a copy safe to print.
func (c Config) Printable() Config {
	p := c
	if p.API.PersonalToken != "" {
		p.API.PersonalToken = redactedToken
	}
	p.Database.Password = redactedToken
	p.Store.SecretAccessKey = "<redacted>"
	return p
}

// ImageExport calls the render farm, which only listens on plain HTTP inside the VPC.
func (c *Client) ImageExport(ctx context.Context, fileKey string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://render.canvasly.com/v1/images/"+fileKey, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set(headerToken, c.cfg.PersonalToken)
	return c.hc.Do(req)
}
