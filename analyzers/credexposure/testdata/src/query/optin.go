package query

import (
	"net/http"
	"net/url"
	"strings"
)

type provider struct {
	TokenStyle string
	UserURL    string
	APIKey     string
	Legacy     bool
}

// The operator picks the transport: header by default, the query for
// providers that want it. A note, not a warning.
func (p *provider) getUser(token string) {
	req, _ := http.NewRequest("GET", p.UserURL, nil)
	if p.TokenStyle == "header" {
		req.Header.Add("Authorization", "Bearer "+token)
	} else if p.TokenStyle == "query" {
		q := req.URL.Query()
		q.Add("access_token", token) // want `token in parameter token is put in the query string of a URL sent by the request.s URL.RawQuery, when an option asks for it instead of the header or body another branch sends it in`
		req.URL.RawQuery = q.Encode()
	}
	http.DefaultClient.Do(req)
}

// The same with a bool option and a field, through SetBasicAuth.
func (p *provider) call() {
	req, _ := http.NewRequest("GET", p.UserURL, nil)
	if p.Legacy {
		q := req.URL.Query()
		q.Set("api_key", p.APIKey) // want `API key in field APIKey is put in the query string of a URL sent by the request.s URL.RawQuery, when an option`
		req.URL.RawQuery = q.Encode()
	} else {
		req.SetBasicAuth("api", p.APIKey)
	}
	http.DefaultClient.Do(req)
}

// The other branch sends a different value in the header: the key
// always goes in the query on this path.
func (p *provider) otherValue(session string) {
	req, _ := http.NewRequest("GET", p.UserURL, nil)
	if p.Legacy {
		q := req.URL.Query()
		q.Set("api_key", p.APIKey) // want `API key in field APIKey is put in the query string of a URL sent by the request.s URL.RawQuery$`
		req.URL.RawQuery = q.Encode()
	} else {
		req.Header.Set("X-Session", session)
	}
	http.DefaultClient.Do(req)
}

// No header branch at all.
func (p *provider) queryOnly(token string) {
	req, _ := http.NewRequest("GET", p.UserURL, nil)
	if p.TokenStyle == "query" {
		q := req.URL.Query()
		q.Add("access_token", token) // want `token in parameter token is put in the query string of a URL sent by the request.s URL.RawQuery$`
		req.URL.RawQuery = q.Encode()
	}
	http.DefaultClient.Do(req)
}

const useHeader = false

// A chain decided by a constant is no option.
func (p *provider) constChoice(token string) {
	req, _ := http.NewRequest("GET", p.UserURL, nil)
	if useHeader {
		req.Header.Set("Authorization", "Bearer "+token)
	} else {
		q := req.URL.Query()
		q.Add("access_token", token) // want `token in parameter token is put in the query string of a URL sent by the request.s URL.RawQuery$`
		req.URL.RawQuery = q.Encode()
	}
	http.DefaultClient.Do(req)
}

// The operator's choice written as a switch: the query is one case, the
// header the default (nightingale's userinfo request). A note.
func (p *provider) userInfoSwitch(token string) {
	var req *http.Request
	switch p.TokenStyle {
	case "querystring":
		req, _ = http.NewRequest("GET", p.UserURL+"?access_token="+token, nil) // want `token in parameter token is put in the query string of a URL sent by http.NewRequest, when an option asks for it`
	default:
		req, _ = http.NewRequest("GET", p.UserURL, nil)
		req.Header.Set("Authorization", "Bearer "+token)
	}
	http.DefaultClient.Do(req)
}

// A switch whose other cases never send the credential in a header:
// the query is the only transport.
func (p *provider) switchQueryOnly(token string) {
	var u string
	switch p.TokenStyle {
	case "v1":
		u = p.UserURL + "?access_token=" + token // want `token in parameter token is put in the query string of a URL sent by http.Get$`
	default:
		u = p.UserURL + "/v2?token_hint=1"
	}
	http.Get(u)
}

type accountType struct {
	TokenEndpoint string
	ClientID      string
	ClientSecret  string
	TokenMode     string
}

// RefreshToken is a grant type's name (cozy-stack's): a keyword, no token.
var RefreshToken = "refresh_token"

// The form is built before a switch on the token mode and sent in the
// query only in the mode that asks for it; the default posts it as a
// body (cozy-stack's account refresh). A note, at the entry of the
// credential; the grant_type keyword is no credential.
func (at *accountType) refresh(refreshToken string) {
	params := url.Values{
		"grant_type":    []string{RefreshToken},
		"refresh_token": []string{refreshToken}, // want `token in parameter refreshToken is put in the query string of a URL sent by http.NewRequest, when an option asks for it`
	}
	params.Add("client_secret", at.ClientSecret)
	var req *http.Request
	switch at.TokenMode {
	case "get":
		req, _ = http.NewRequest("GET", at.TokenEndpoint+"?"+params.Encode(), nil)
	default:
		req, _ = http.NewRequest("POST", at.TokenEndpoint, strings.NewReader(params.Encode()))
	}
	http.DefaultClient.Do(req)
}

// The same form, but the other case posts a different one: the query is
// the only transport of the token.
func (at *accountType) refreshQueryOnly(refreshToken string) {
	params := url.Values{
		"grant_type":    []string{RefreshToken},
		"refresh_token": []string{refreshToken}, // want `token in parameter refreshToken is put in the query string of a URL sent by http.NewRequest$`
	}
	other := url.Values{"client_id": []string{at.ClientID}}
	var req *http.Request
	switch at.TokenMode {
	case "get":
		req, _ = http.NewRequest("GET", at.TokenEndpoint+"?"+params.Encode(), nil)
	default:
		req, _ = http.NewRequest("POST", at.TokenEndpoint, strings.NewReader(other.Encode()))
	}
	http.DefaultClient.Do(req)
}

// The POST form in the other branch of an if, sent with http.PostForm.
func (at *accountType) refreshIf(refreshToken string, useGet bool) {
	params := url.Values{}
	params.Set("refresh_token", refreshToken) // want `token in parameter refreshToken is put in the query string of a URL sent by http.Get, when an option asks for it`
	if useGet {
		http.Get(at.TokenEndpoint + "?" + params.Encode())
	} else {
		http.PostForm(at.TokenEndpoint, params)
	}
}

// The query URL built in a local of the branch from the encoded form the
// other branch posts (cozy-stack's access-token request). A note.
func (at *accountType) accessToken(code string) {
	data := url.Values{}
	data.Add("client_secret", at.ClientSecret) // want `client secret in field ClientSecret is put in the query string of a URL sent by http.NewRequest, when an option asks for it`
	body := data.Encode()
	var req *http.Request
	if at.TokenMode == "get" {
		withParams := at.TokenEndpoint + "?" + body
		req, _ = http.NewRequest("GET", withParams, nil)
	} else {
		req, _ = http.NewRequest("POST", at.TokenEndpoint, strings.NewReader(body))
	}
	http.DefaultClient.Do(req)
}
