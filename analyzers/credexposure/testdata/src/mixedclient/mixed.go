// Package mixedclient calls an allow-listed provider (Google Maps, which
// takes its key in the query) and other providers whose base URL comes
// from the configuration: the Maps literal says where the fields given
// it point, not where every URL of the package goes.
package mixedclient

import (
	"fmt"
	"net/http"
	"net/url"
)

// Geocode: constant host, allow-listed.
func Geocode(key, address string) (*http.Response, error) {
	q := url.Values{"address": {address}, "key": {key}}
	return http.Get("https://maps.googleapis.com/maps/api/geocode/json?" + q.Encode())
}

type Shipping struct {
	BaseURL string
	APIKey  string
}

// A base URL from the configuration, never given an allowed host.
func (s *Shipping) Rates(zip string) (*http.Response, error) { // want Rates:`param 1 reaches the query of a URL sent by http.Get`
	return http.Get(s.BaseURL + "/v2/rates?api_key=" + s.APIKey + "&zip=" + url.QueryEscape(zip)) // want `put in the query string`
}

type Tax struct {
	Endpoint    string
	AccessToken string
}

func (t *Tax) Quote(region string) (*http.Response, error) { // want Quote:`param 1 reaches the query of a URL sent by http.Get`
	u, err := url.Parse(t.Endpoint + "/quote")
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("region", region)
	q.Set("access_token", t.AccessToken) // want `put in the query string`
	u.RawQuery = q.Encode()
	return http.Get(u.String())
}

type Reviews struct{ Base, Password string }

func (r *Reviews) For(id string) (*http.Response, error) { // want For:`param 1 reaches the query of a URL sent by http.Get`
	return http.Get(fmt.Sprintf("%s/reviews?product=%s&password=%s", r.Base, url.QueryEscape(id), r.Password)) // want `put in the query string`
}

// Near misses: fields and variables the package points at an allowed host.

type roads struct{ base, apiKey string }

func newRoads(key string) *roads {
	r := &roads{apiKey: key}
	r.base = "https://roads.googleapis.com"
	return r
}

func (r *roads) Snap(path string) (*http.Response, error) {
	return http.Get(r.base + "/v1/snapToRoads?path=" + url.QueryEscape(path) + "&key=" + r.apiKey)
}

type endpoint struct{ host, path string }

var placesAPI = &endpoint{host: "https://places.googleapis.com", path: "/v1/places:searchText"}

type Places struct{ apiKey string }

func (p *Places) get(e *endpoint, q url.Values) (*http.Response, error) {
	q.Set("key", p.apiKey)
	return http.Get(e.host + e.path + "?" + q.Encode())
}

func (p *Places) Search(text string) (*http.Response, error) {
	return p.get(placesAPI, url.Values{"textQuery": {text}})
}

var mapsBase = "https://maps.googleapis.com"

func Elevation(key, loc string) (*http.Response, error) {
	return http.Get(mapsBase + "/maps/api/elevation/json?locations=" + url.QueryEscape(loc) + "&key=" + key)
}

// A URL handed in whole: in a client of an allowed provider, it goes there.
func send(rawURL, key string) (*http.Response, error) {
	return http.Get(rawURL + "&key=" + key)
}

func Timezone(key string) (*http.Response, error) {
	return send("https://maps.googleapis.com/maps/api/timezone/json?location=0,0", key)
}
