// Package urlerrlib is an API client whose errors may hold the URLs it
// requests: net/http's client returns a *url.Error that holds the
// request URL, query and path included (it strips only a user-info
// password).
package urlerrlib

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"

	pkgerrors "github.com/pkg/errors"
)

type Client struct {
	hc           *http.Client
	base         string
	apiKey       string
	botToken     string
	clientSecret string
	password     string
}

// Views puts the key in the query and returns Do's error as it is.
func (c *Client) Views(ctx context.Context, id string) (int, error) { // want Views:`result 1 is error of Client.Do holding the request URL with API key in field apiKey`
	q := url.Values{}
	q.Set("id", id)
	q.Set("api_key", c.apiKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/views?"+q.Encode(), nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Send puts the bot token in the path and wraps Get's error.
func (c *Client) Send(msg string) error { // want Send:`result 0 is error of Client.Get holding the request URL with token in field botToken`
	resp, err := c.hc.Get(c.base + "/bot" + c.botToken + "/sendMessage?text=" + url.QueryEscape(msg))
	if err != nil {
		return fmt.Errorf("send: %w", err)
	}
	resp.Body.Close()
	return nil
}

// Raw sets the query on the request after building it.
func (c *Client) Raw(ctx context.Context) error { // want Raw:`result 0 is error of Client.Do holding the request URL with token in field botToken`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/items", nil)
	if err != nil {
		return err
	}
	q := req.URL.Query()
	q.Set("access_token", c.botToken)
	req.URL.RawQuery = q.Encode()
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Headered sends the token in a header: the error holds only the URL.
func (c *Client) Headered(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/v1/items", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.botToken)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Form sends the secret in the body.
func (c *Client) Form() error {
	resp, err := c.hc.PostForm(c.base+"/oauth/token", url.Values{"client_secret": {c.clientSecret}})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Body sends the key in a JSON body.
func (c *Client) Body(ctx context.Context) error {
	body := strings.NewReader(`{"key":"` + c.apiKey + `"}`)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/check", body)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Status drops Do's error for one of its own.
func (c *Client) Status() error {
	resp, err := http.Get(c.base + "/health?api_key=" + c.apiKey)
	if err != nil {
		return errors.New("health: unreachable")
	}
	defer resp.Body.Close()
	return fmt.Errorf("health: %s", resp.Status)
}

// Plain requests a URL without a credential.
func (c *Client) Plain(page int) error {
	resp, err := http.Get(fmt.Sprintf("%s/public?page=%d", c.base, page))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Basic puts the password in the URL's user info, which net/http strips
// from the URL of its errors.
func (c *Client) Basic(user string) error {
	u, err := url.Parse(c.base + "/v1/me")
	if err != nil {
		return err
	}
	u.User = url.UserPassword(user, c.password)
	resp, err := c.hc.Get(u.String())
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// BasicText writes the user info into the URL text.
func (c *Client) BasicText(host, user string) error {
	resp, err := c.hc.Get("https://" + user + ":" + c.password + "@" + host + "/v1/me")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Search wraps Do's error with github.com/pkg/errors.
func (c *Client) Search(ctx context.Context, term string) error { // want Search:`result 0 is error of Client.Do holding the request URL with API key in field apiKey`
	u := fmt.Sprintf("%s/search?q=%s&key=%s", c.base, url.QueryEscape(term), c.apiKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return pkgerrors.Wrapf(err, "search %q", term)
	}
	return resp.Body.Close()
}

// do sends a request its caller built and wraps the error.
func (c *Client) do(req *http.Request) (*http.Response, error) {
	req.Header.Set("User-Agent", "urlerrlib/1.0")
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, err)
	}
	return resp, nil
}

// Geocode builds the URL with the key and sends it through do.
func (c *Client) Geocode(ctx context.Context, addr string) error { // want Geocode:`result 0 is error of Client.do holding the request URL with API key in field apiKey`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/geocode?address="+url.QueryEscape(addr)+"&key="+c.apiKey, nil)
	if err != nil {
		return err
	}
	resp, err := c.do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Me sends the key in a header through do.
func (c *Client) Me(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/me", nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-Api-Key", c.apiKey)
	resp, err := c.do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// get sends a request its caller built and logs a failure itself.
func (c *Client) get(req *http.Request) error {
	resp, err := c.hc.Do(req)
	if err != nil {
		log.Printf("get %s: %v", req.URL.Path, err)
		return errors.New("request failed")
	}
	return resp.Body.Close()
}

// Quota sends the key in the query through get.
func (c *Client) Quota(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/quota?api_key="+c.apiKey, nil)
	if err != nil {
		return err
	}
	return c.get(req) // want `error of Client.get holding the request URL with .* reaches log.Printf via`
}

// Ping sends no credential through get.
func (c *Client) Ping(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/ping", nil)
	if err != nil {
		return err
	}
	return c.get(req)
}

// post sends to a URL its caller gives, through a copy of the request.
func post(ctx context.Context, hc *http.Client, u string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, u, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return hc.Do(req.WithContext(ctx))
}

// PostJSON hands its URL on to post.
func PostJSON(ctx context.Context, hc *http.Client, u string, body io.Reader) (*http.Response, error) { // want PostJSON:`error of request param 2 is result 1`
	return post(ctx, hc, u, body)
}
