// Package figma calls the design tool's REST API on behalf of a user.
package figma

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"golang.org/x/oauth2"
)

// Endpoint is the design tool's OAuth endpoint.
var Endpoint = oauth2.Endpoint{
	AuthURL:   "https://www.designhub.com/oauth",
	TokenURL:  "https://api.designhub.com/v1/oauth/token",
	AuthStyle: oauth2.AuthStyleInParams,
}

// apiBase is the REST API root.
const apiBase = "https://api.designhub.com/v1"

// Client is a per-user API client.
type Client struct {
	HTTP   *http.Client
	Logger log.Logger
}

// NewClient returns a client authenticated by tok.
func NewClient(ctx context.Context, conf *oauth2.Config, tok *oauth2.Token, logger log.Logger) *Client {
	level.Debug(logger).Log("msg", "api client", "token", tok) // WANT tokenlog T16
	return &Client{HTTP: conf.Client(ctx, tok), Logger: logger}
}

// Me is the current user.
type Me struct {
	ID     string `json:"id"`
	Handle string `json:"handle"`
	Email  string `json:"email"`
}

// WhoAmI returns the user the token belongs to.
func (c *Client) WhoAmI(ctx context.Context) (*Me, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, apiBase+"/me", nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("me: %s", resp.Status)
	}
	var me Me
	if err := json.NewDecoder(resp.Body).Decode(&me); err != nil {
		return nil, err
	}
	level.Info(c.Logger).Log("msg", "whoami", "user", me.ID, "handle", me.Handle) // NEAR tokenlog t27
	return &me, nil
}

// PersonalAccessClient uses a personal access token (for the nightly export job).
func PersonalAccessClient(pat string, logger log.Logger) *http.Client {
	logger.Log("msg", "export job uses personal access token", "pat", pat) // WANT tokenlog T17
	return &http.Client{Transport: patTransport{pat: pat}}
}

type patTransport struct{ pat string }

func (t patTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Designhub-Token", t.pat)
	return http.DefaultTransport.RoundTrip(r)
}
