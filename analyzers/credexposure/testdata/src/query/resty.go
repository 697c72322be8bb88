package query

import "github.com/go-resty/resty/v2"

type restyClient struct {
	rc     *resty.Client
	apiKey string
}

func (c *restyClient) search(q string) {
	c.rc.R().SetQueryParam("q", q).SetQueryParam("api_key", c.apiKey).Get("https://api.example.com/search") // want `API key in field apiKey is put in the query string of a URL sent by resty's SetQueryParam`
}

func (c *restyClient) searchHeader(q string) {
	c.rc.R().SetQueryParam("q", q).SetHeader("X-API-Key", c.apiKey).Get("https://api.example.com/search") // a header
}
