// Package clients talks to the shop's third-party providers.
package clients

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Shipping quotes shipping rates.
type Shipping struct {
	BaseURL string
	APIKey  string
	HTTP    *http.Client
}

// Rates asks for the rates to a zip code.
func (s *Shipping) Rates(zip string, grams int) (map[string]float64, error) {
	resp, err := s.HTTP.Get(s.BaseURL + "/v2/rates?api_key=" + s.APIKey + "&zip=" + url.QueryEscape(zip) + "&g=" + strconv.Itoa(grams)) // WANT credexposure C04
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out map[string]float64
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

// Track asks for a parcel's status, with the key in a header.
func (s *Shipping) Track(parcel string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, s.BaseURL+"/v2/track?parcel="+url.QueryEscape(parcel), nil) // NEAR credexposure c05
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Api-Key", s.APIKey)
	return s.HTTP.Do(req)
}

// Tax computes sales tax.
type Tax struct {
	Endpoint    string
	AccessToken string
	HTTP        *http.Client
}

// Quote asks for the tax of an amount.
func (t *Tax) Quote(amount int64, region string) (*http.Response, error) {
	u, err := url.Parse(t.Endpoint + "/quote")
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("amount", strconv.FormatInt(amount, 10))
	q.Set("region", region)
	q.Set("access_token", t.AccessToken)
	u.RawQuery = q.Encode()
	req, err := http.NewRequest(http.MethodGet, u.String(), nil) // WANT credexposure C05
	if err != nil {
		return nil, err
	}
	return t.HTTP.Do(req)
}

// Geocode resolves an address with the Google geocoder, which takes the key in the query.
func Geocode(key, address string) (*http.Response, error) {
	q := url.Values{"address": {address}, "key": {key}}
	return http.Get("https://maps.googleapis.com/maps/api/geocode/json?" + q.Encode()) // NEAR credexposure c06
}

// Payouts is the payment provider's OAuth client-credentials client.
type Payouts struct {
	TokenURL, ClientID, ClientSecret string
}

// Token fetches an access token with the secret in the form body.
func (p *Payouts) Token() (*http.Response, error) {
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {p.ClientID}, "client_secret": {p.ClientSecret}}
	return http.PostForm(p.TokenURL, form) // NEAR credexposure c07
}

// CDN signs download links for product images.
type CDN struct {
	Base, KeyID string
	SigningKey  []byte
}

// SignedURL returns a link that expires in an hour.
func (c *CDN) SignedURL(path string) string {
	exp := strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10)
	mac := hmac.New(sha256.New, c.SigningKey)
	fmt.Fprintf(mac, "%s|%s", path, exp)
	q := url.Values{"key_id": {c.KeyID}, "expires": {exp}, "signature": {hex.EncodeToString(mac.Sum(nil))}}
	return c.Base + path + "?" + q.Encode()
}

// Prefetch warms the CDN cache for a signed link.
func (c *CDN) Prefetch(path string) error {
	resp, err := http.Head(c.SignedURL(path)) // NEAR credexposure c08
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Reviews reads product reviews from a partner whose key is the password of basic auth.
type Reviews struct {
	Base, Password string
}

// For lists the reviews of a product.
func (r *Reviews) For(productID string) (*http.Response, error) {
	endpoint := fmt.Sprintf("%s/reviews?product=%s&password=%s", r.Base, url.QueryEscape(productID), r.Password)
	return http.Get(endpoint) // WANT credexposure C06
}
