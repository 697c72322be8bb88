// Package sdk is a third-party API client for tests.
package sdk

type Client struct{}

type Options struct {
	BaseURL string
	Timeout int
}

func NewClient(baseURL, token string) *Client { return nil }

func WithEndpoint(u string) func(*Options) { return nil }

func OpenInBrowser(url string) error { return nil }

const DefaultURL = "http://sdk.example.com/v2"

const DefaultBaseURL = "http://sdk.example.com/v3"

func DefaultValidateURI(baseURI, redirectURI string) error { return nil }
