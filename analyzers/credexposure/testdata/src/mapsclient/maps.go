// Package mapsclient is a client of an API that takes its key in the
// query; the host comes from a table, so it is not known at the call.
package mapsclient

import (
	"net/http"
	"net/url"
)

type apiConfig struct{ host, path string }

var geocodeAPI = &apiConfig{host: "https://maps.googleapis.com", path: "/maps/api/geocode/json"}

type Client struct{ apiKey string }

func (c *Client) get(cfg *apiConfig, q url.Values) (*http.Response, error) {
	q.Set("key", c.apiKey) // the provider's documented way: its host is allow-listed
	req, err := http.NewRequest("GET", cfg.host+cfg.path+"?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func (c *Client) Geocode(addr string) (*http.Response, error) {
	return c.get(geocodeAPI, url.Values{"address": {addr}})
}

func mapsAllowed(apiKey string) {
	http.Get("https://maps.googleapis.com/maps/api/geocode/json?address=x&key=" + apiKey) // allow-listed host: the API takes the key in the query
}

// WeCom, WeChat and DingTalk's classic API take their credentials only
// in the query: allow-listed by default. DingTalk's newer API takes a
// header and is not.
func chatAPIs(corpID, corpSecret, token string) {
	http.Get("https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=" + corpID + "&corpsecret=" + corpSecret)
	http.Get("https://api.weixin.qq.com/cgi-bin/user/info?access_token=" + token)
	http.Get("https://oapi.dingtalk.com/media/upload?access_token=" + token)
	http.Get("https://api.dingtalk.com/v1.0/contact/users/me?access_token=" + token) // want `token in parameter token is put in the query string`
}
