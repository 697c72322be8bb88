// Package debuglog turns on resty's debug log, which writes request
// headers as they are, for clients with and without credentials.
package debuglog

import (
	"net/http"

	"github.com/go-resty/resty/v2"
)

// Chained on one client.
func chained(token string) *resty.Client {
	return resty.New().
		SetAuthToken(token).
		SetDebug(true) // want `resty debug logging turned on by Client.SetDebug writes the credentials set by Client.SetAuthToken \(request headers\) to the log`
}

// A request in debug on a client with basic auth.
func requestDebug(user, pass string) error {
	c := resty.New().SetBasicAuth(user, pass)
	_, err := c.R().SetDebug(true).Get("https://api.example.com/v1/me") // want `resty debug logging turned on by Request.SetDebug writes the credentials set by Client.SetBasicAuth`
	return err
}

// A client in debug whose request carries the credential.
func clientDebugRequestCred(key string) error {
	c := resty.New()
	c.SetDebug(true) // want `resty debug logging turned on by Client.SetDebug writes the credentials set by Request.SetHeader\("X-API-Key"\)`
	_, err := c.R().SetHeader("X-API-Key", key).Get("https://api.example.com/v1/items")
	return err
}

// A client kept in a struct field, debug set from a flag elsewhere.
type API struct {
	client *resty.Client
}

func NewAPI(token string) *API {
	return &API{client: newClient(token)}
}

func newClient(token string) *resty.Client {
	return resty.New().SetHeaders(map[string]string{"Authorization": "Bearer " + token, "Accept": "application/json"})
}

func (a *API) SetVerbose(v bool) {
	a.client.SetDebug(v) // want `resty debug logging turned on by Client.SetDebug writes the credentials set by Client.SetHeaders with Authorization`
}

// Client.Debug set directly.
func field(token string) {
	c := resty.New().SetAuthToken(token)
	c.Debug = true // want `resty debug logging turned on by Client.Debug writes the credentials set by Client.SetAuthToken`
}

// Request.Debug set directly on a request with a cookie.
func requestField(c *http.Cookie) {
	r := resty.New().R().SetCookie(c)
	r.Debug = true // want `resty debug logging turned on by Request.Debug writes the credentials set by Request.SetCookie`
}

// Near misses.

func noCredentials() {
	resty.New().SetDebug(true).SetBaseURL("https://api.example.com") // silent: no credential on this client
	c := resty.New().SetHeader("Accept", "application/json")
	c.SetDebug(true) // silent: Accept is no credential header
}

func debugOff(token string) {
	resty.New().SetAuthToken(token).SetDebug(false) // silent: debug turned off
}

func emptyToken() {
	resty.New().SetAuthToken("").SetDebug(true) // silent: an empty literal token
}

func otherClient(token string) {
	authed := resty.New().SetAuthToken(token)
	plain := resty.New()
	plain.SetDebug(true) // silent: the credentials are on another client
	_, _ = authed.R().Get("https://api.example.com")
}

func redactingHook(token string) {
	c := resty.New().SetAuthToken(token)
	c.OnRequestLog(func(rl *resty.RequestLog) error {
		rl.Header.Set("Authorization", "[REDACTED]")
		return nil
	})
	c.SetDebug(true) // silent: the OnRequestLog callback sees the headers before they are written
}

func stdlib(token string) {
	req, _ := http.NewRequest("GET", "https://api.example.com", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	_ = req // silent: no debug log
}
