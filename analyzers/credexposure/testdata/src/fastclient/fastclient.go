// Package fastclient sends requests with fasthttp's client.
package fastclient

import (
	"net/url"

	"github.com/valyala/fasthttp"
)

type SMS struct{ Base, APIKey string }

func (s *SMS) Send(to string) { // want Send:`param 1 reaches the query of a URL sent by \(\*fasthttp.Request\).SetRequestURI`
	req := fasthttp.AcquireRequest()
	req.SetRequestURI(s.Base + "/send?apikey=" + url.QueryEscape(s.APIKey) + "&to=" + url.QueryEscape(to)) // want `put in the query string`
}

func (s *SMS) Balance(c *fasthttp.Client) {
	c.Get(nil, s.Base+"/balance?api_key="+s.APIKey) // want `put in the query string`
}

func Status(token string) { // want Status:`param 0 reaches the query of a URL sent by fasthttp.Get`
	fasthttp.Get(nil, "https://status.example.com/v1?access_token="+token) // want `put in the query string`
}

// Near misses.

func (s *SMS) Track(id string) { // want Track:`param 1 reaches the query`
	req := fasthttp.AcquireRequest()
	req.SetRequestURI(s.Base + "/track?id=" + url.QueryEscape(id)) // no credential
}

func (s *SMS) Body(c *fasthttp.Client) {
	req := fasthttp.AcquireRequest()
	req.SetRequestURI(s.Base + "/send")
	req.SetBodyString("apikey=" + s.APIKey) // the key in the body
}

func Geocode(key string) {
	fasthttp.Get(nil, "https://maps.googleapis.com/maps/api/geocode/json?key="+key) // allow-listed host
}

func Callback(code, state string) { // want Callback:`param 0 reaches the query of a URL sent by fasthttp.Get; param 1 reaches`
	fasthttp.Get(nil, "https://app.example.com/cb?code="+url.QueryEscape(code)+"&state="+state) // the OAuth code and state
}
