// Package designapi calls the design tool's REST API on a user's or plugin's behalf.
package designapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

type Client struct {
	Base string
	HTTP *http.Client
}

func New(base string) *Client {
	return &Client{Base: base, HTTP: &http.Client{Timeout: 20 * time.Second}}
}

type File struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	TeamID   string    `json:"team_id"`
	Modified time.Time `json:"modified"`
}

type Comment struct {
	ID      string `json:"id"`
	Author  string `json:"author"`
	Message string `json:"message"`
}

// RecentFiles lists the user's recent files. The files endpoint of API v1 still only takes
// the token as a query parameter.
func (c *Client) RecentFiles(ctx context.Context, accessToken string) ([]File, error) {
	u := c.Base + "/me/files/recent?" + url.Values{"access_token": {accessToken}, "limit": {"50"}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("recent files: %s", resp.Status)
	}
	var out struct {
		Files []File `json:"files"`
	}
	return out.Files, json.NewDecoder(resp.Body).Decode(&out)
}

// Comments lists a file's comments with the service's own token.
func (c *Client) Comments(ctx context.Context, token, fileID string) ([]Comment, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Base+"/files/"+url.PathEscape(fileID)+"/comments", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("comments of %s: %s", fileID, resp.Status)
	}
	var out struct {
		Comments []Comment `json:"comments"`
	}
	return out.Comments, json.NewDecoder(resp.Body).Decode(&out)
}

// PutNodes writes nodes into a file (plugins that generate layers).
func (c *Client) PutNodes(ctx context.Context, token, fileID string, nodes json.RawMessage) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+"/files/"+url.PathEscape(fileID)+"/nodes", bytes.NewReader(nodes))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("put nodes %s: %s", fileID, resp.Status)
	}
	return nil
}

// Nodes reads a file's nodes.
func (c *Client) Nodes(ctx context.Context, token, fileID string) (json.RawMessage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Base+"/files/"+url.PathEscape(fileID)+"/nodes", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var raw json.RawMessage
	return raw, json.NewDecoder(resp.Body).Decode(&raw)
}

// File reads a file's metadata.
func (c *Client) File(ctx context.Context, token, fileID string) (*File, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Base+"/files/"+url.PathEscape(fileID), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("file %s: %s", fileID, resp.Status)
	}
	var f File
	return &f, json.NewDecoder(resp.Body).Decode(&f)
}
