// Package upstream calls other services with OAuth2 client credentials.
package upstream

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Config names the token endpoint and this client's credentials.
type Config struct {
	TokenURL     string
	ClientID     string
	ClientSecret string
	LedgerURL    string
	ReportsURL   string
	CRMBase      string
	CRMUser      string
	CRMPassword  string
}

// Client calls the ledger, reports and CRM services.
type Client struct {
	cfg Config
	ts  oauth2.TokenSource
	hc  *http.Client
}

// New builds the client-credentials token source.
func New(ctx context.Context, cfg Config) *Client {
	cc := clientcredentials.Config{ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, TokenURL: cfg.TokenURL, AuthStyle: oauth2.AuthStyleInParams} // NEAR credexposure c21
	return &Client{cfg: cfg, ts: cc.TokenSource(ctx), hc: http.DefaultClient}
}

// legacyToken fetches a token from the old token service, which reads its parameters from the query.
func (c *Client) legacyToken() (string, error) {
	endpoint := c.cfg.TokenURL + "?grant_type=client_credentials&client_id=" + url.QueryEscape(c.cfg.ClientID) + "&client_secret=" + url.QueryEscape(c.cfg.ClientSecret) // WANT credexposure C16
	resp, err := c.hc.Post(endpoint, "application/x-www-form-urlencoded", nil)                                                                                           // ALT C16
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct {
		AccessToken string `json:"access_token"`
	}
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.AccessToken, err
}

// Balance calls the ledger with the token in the Authorization header.
func (c *Client) Balance(account string) (*http.Response, error) {
	tok, err := c.ts.Token()
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodGet, c.cfg.LedgerURL+"/v1/balances/"+url.PathEscape(account), nil) // NEAR credexposure c22
	if err != nil {
		return nil, err
	}
	tok.SetAuthHeader(req)
	return c.hc.Do(req)
}

// ReportCSV downloads a report; the reports service's download endpoint wants the token in the query.
func (c *Client) ReportCSV(id string) (*http.Response, error) {
	tok, err := c.ts.Token()
	if err != nil {
		return nil, err
	}
	u, _ := url.Parse(c.cfg.ReportsURL + "/v1/reports/" + url.PathEscape(id) + ".csv")
	q := u.Query()
	q.Set("access_token", tok.AccessToken) // WANT credexposure C17
	u.RawQuery = q.Encode()
	return c.hc.Get(u.String()) // ALT C17
}

// LegacyBalance uses the old token service.
func (c *Client) LegacyBalance(account string) (*http.Response, error) {
	t, err := c.legacyToken()
	if err != nil {
		return nil, err
	}
	return c.hc.Get(fmt.Sprintf("%s/v0/balance?account=%s&access_token=%s", c.cfg.LedgerURL, url.QueryEscape(account), t)) // WANT credexposure C18
}

// CRMLookup calls the CRM's REST API, which takes the login in the query.
func (c *Client) CRMLookup(email string) (*http.Response, error) {
	params := url.Values{"email": {email}, "login": {c.cfg.CRMUser}, "pass": {c.cfg.CRMPassword}} // WANT credexposure C19
	return c.hc.Get(c.cfg.CRMBase + "/api/contacts?" + params.Encode())                           // ALT C19
}

// CRMLookupV2 posts the login as a form.
func (c *Client) CRMLookupV2(email string) (*http.Response, error) {
	form := url.Values{"email": {email}, "login": {c.cfg.CRMUser}, "pass": {c.cfg.CRMPassword}} // NEAR credexposure c23
	return c.hc.Post(c.cfg.CRMBase+"/api/v2/contacts/search", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}
