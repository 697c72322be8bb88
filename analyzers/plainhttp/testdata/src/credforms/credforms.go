// Package credforms: credentials a request carries without a header of
// net/http: a resty client configured in a chain, a form posted with a
// secret, and the issuer URL of an identity provider.
package credforms

import (
	"net/http"
	"net/url"

	"github.com/go-resty/resty/v2"
)

func mailer(key, secret string) *resty.Client {
	return resty.New().
		SetBaseURL("http://api.mail.vendor.example.net/v3"). // want `plain HTTP URL http://api.mail.vendor.example.net reaches \(\*resty.Client\).SetBaseURL; use https://`
		SetBasicAuth(key, secret)
}

func search(tok string) *resty.Client {
	c := resty.New().SetBaseURL("http://search.vendor.example.net") // want `plain HTTP URL http://search.vendor.example.net reaches \(\*resty.Client\).SetBaseURL; use https://`
	c.SetAuthToken(tok)
	return c
}

func geo(key string) *resty.Client {
	return resty.New().SetBaseURL("http://geo.vendor.example.net/v1").SetHeader("X-Api-Key", key) // want `plain HTTP URL http://geo.vendor.example.net reaches \(\*resty.Client\).SetBaseURL; use https://`
}

func captcha(secret, response string) (*http.Response, error) {
	return http.PostForm("http://captcha.vendor.example.net/siteverify", url.Values{ // want `plain HTTP URL http://captcha.vendor.example.net reaches http.PostForm; use https://`
		"secret":   {secret},
		"response": {response},
	})
}

// PartnerIssuer is the identity provider partners sign in with.
var PartnerIssuer = "http://id.vendor.example.net" // want `plain HTTP URL http://id.vendor.example.net`

const oidcIssuer = "http://sso.vendor.example.net/realms/main" // want `plain HTTP URL http://sso.vendor.example.net`

func tokenURL() string { return PartnerIssuer + "/oauth/token" + oidcIssuer }

// Near misses: nothing secret in the request (notes), an issuer claim,
// a bare issuer word, an issuer name and documentation.

func status() *resty.Client {
	return resty.New().SetBaseURL("http://status.vendor.example.net").SetHeader("Accept", "application/json") // want `plain HTTP URL http://status.vendor.example.net reaches \(\*resty.Client\).SetBaseURL with no credential in the request`
}

func catalog() (*resty.Response, error) {
	return resty.New().R().SetQueryParam("page", "1").Get("http://catalog.vendor.example.net/items") // want `plain HTTP URL http://catalog.vendor.example.net reaches \(\*resty.Request\).Get with no credential in the request`
}

func newsletter(email string) (*http.Response, error) {
	return http.PostForm("http://news.vendor.example.net/subscribe", url.Values{"email": {email}, "list": {"weekly"}}) // want `plain HTTP URL http://news.vendor.example.net reaches http.PostForm with no credential in the request`
}

type claims struct {
	Issuer  string
	Subject string
}

func mint(sub string) claims {
	return claims{Issuer: "http://id.vendor.example.net", Subject: sub}
}

var issuer = "http://id.vendor.example.net"

const (
	issuerName    = "vendor-idp"
	issuerDocsURL = "http://docs.vendor.example.net/issuer"
)

var _, _, _ = issuer, issuerName, issuerDocsURL
