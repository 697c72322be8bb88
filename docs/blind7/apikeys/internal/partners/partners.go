// Package partners calls the partner APIs the key service depends on.
package partners

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
)

// Client calls the fraud-score, geocoding and currency partners.
type Client struct {
	HTTP         *http.Client
	FraudBase    string
	FraudKey     string
	MapsKey      string
	FXKey        string
	FXSendHeader bool // newer FX plans accept the key in a header
	SMSUser      string
	SMSPassword  string
}

// FraudScore asks the fraud partner to score an IP.
func (c *Client) FraudScore(ip string) (float64, error) {
	u := fmt.Sprintf("%s/v2/score?ip=%s&apikey=%s", c.FraudBase, url.QueryEscape(ip), c.FraudKey) // WANT credexposure C11
	resp, err := c.HTTP.Get(u)                                                                    // ALT C11
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var out struct {
		Score float64 `json:"score"`
	}
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.Score, err
}

// Geocode uses the Google Geocoding API, which takes the key in the query.
func (c *Client) Geocode(addr string) (*http.Response, error) {
	q := url.Values{"address": {addr}, "key": {c.MapsKey}} // NEAR credexposure c16
	return c.HTTP.Get("https://maps.googleapis.com/maps/api/geocode/json?" + q.Encode())
}

// Rate returns an exchange rate.
func (c *Client) Rate(from, to string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, "https://api.fxrates.example/v1/latest", nil)
	if err != nil {
		return nil, err
	}
	q := req.URL.Query()
	q.Set("base", from)
	q.Set("symbols", to)
	if c.FXSendHeader {
		req.Header.Set("apikey", c.FXKey)
	} else {
		q.Set("access_key", c.FXKey) // NEAR credexposure c17
	}
	req.URL.RawQuery = q.Encode()
	return c.HTTP.Do(req)
}

// SendSMS uses the SMS gateway's HTTP API, which takes the account password in the query.
func (c *Client) SendSMS(to, text string) error {
	v := url.Values{}
	v.Set("username", c.SMSUser)
	v.Set("password", c.SMSPassword) // WANT credexposure C12
	v.Set("to", to)
	v.Set("text", text)
	resp, err := c.HTTP.Get("https://sms.gateway.example/api/send?" + v.Encode()) // ALT C12
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Sanctions screens a name; the key comes from the environment.
func (c *Client) Sanctions(name string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, "https://screening.example.com/v1/search", nil)
	if err != nil {
		return nil, err
	}
	req.URL.RawQuery = "q=" + url.QueryEscape(name) + "&token=" + os.Getenv("SCREENING_TOKEN") // WANT credexposure C13
	return c.HTTP.Do(req)
}

// SanctionsV2 sends the key as a header.
func (c *Client) SanctionsV2(name string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, "https://screening.example.com/v2/search?q="+url.QueryEscape(name), nil) // NEAR credexposure c18
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Token "+os.Getenv("SCREENING_TOKEN"))
	return c.HTTP.Do(req)
}
