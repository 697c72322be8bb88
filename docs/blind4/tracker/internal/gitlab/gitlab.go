// Package gitlab links issues to merge requests.
package gitlab

import (
	"fmt"
	"net/http"
	"net/url"
)

// Client calls the GitLab API.
type Client struct {
	Base, Token  string
	TokenInQuery bool // some self-hosted proxies strip headers
	HTTP         *http.Client
}

// MergeRequests lists the merge requests mentioning an issue.
func (c *Client) MergeRequests(project, issue string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/v4/projects/%s/merge_requests?search=%s", c.Base, url.PathEscape(project), url.QueryEscape(issue)), nil)
	if err != nil {
		return nil, err
	}
	req.URL.RawQuery += "&private_token=" + c.Token // WANT credexposure C13
	return c.HTTP.Do(req)
}

// Pipelines lists pipelines, sending the token the way the operator configured.
func (c *Client) Pipelines(project string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, c.Base+"/api/v4/projects/"+url.PathEscape(project)+"/pipelines", nil)
	if err != nil {
		return nil, err
	}
	if c.TokenInQuery {
		q := req.URL.Query()
		q.Set("private_token", c.Token) // WANT credexposure C14
		req.URL.RawQuery = q.Encode()
	} else {
		req.Header.Set("PRIVATE-TOKEN", c.Token)
	}
	return c.HTTP.Do(req)
}

// Project reads a project with the token in the header.
func (c *Client) Project(project string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, c.Base+"/api/v4/projects/"+url.PathEscape(project)+"?statistics=true", nil) // NEAR credexposure c17
	if err != nil {
		return nil, err
	}
	req.Header.Set("PRIVATE-TOKEN", c.Token)
	return c.HTTP.Do(req)
}

// OAuthCallbackURL is the link GitLab redirects back to; code and state are meant for the query.
func OAuthCallbackURL(base, code, state string) (*http.Response, error) {
	q := url.Values{"code": {code}, "state": {state}}
	return http.Get(base + "/oauth/callback?" + q.Encode()) // NEAR credexposure c18
}
