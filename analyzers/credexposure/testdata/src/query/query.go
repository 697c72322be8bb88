package query

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	"golang.org/x/oauth2"
)

type client struct {
	base   string
	apiKey string
	http   *http.Client
	conf   *oauth2.Config
}

// Positives.

func valuesSet() {
	q := url.Values{}
	q.Set("api_key", os.Getenv("WEATHER_API_KEY")) // want `API key from environment variable WEATHER_API_KEY is put in the query string of a URL sent by http.Get`
	http.Get("https://api.weather.example.com/v1/today?" + q.Encode())
}

func valuesAnyKey(tok *oauth2.Token) {
	v := make(url.Values)
	v.Add("x", tok.AccessToken) // want `access token .*is put in the query string of a URL sent by http.NewRequest`
	req, _ := http.NewRequest("GET", "https://api.example.com/items?"+v.Encode(), nil)
	_ = req
}

func valuesLiteral(c *client) {
	q := url.Values{"key": {c.apiKey}, "units": {"metric"}} // want `API key in field apiKey is put in the query string of a URL sent by \(\*http.Client\).Get`
	c.http.Get(c.base + "/forecast?" + q.Encode())
}

func sprintf(c *client, city string) {
	u := fmt.Sprintf("%s/weather?q=%s&appid=%s", c.base, city, c.apiKey) // want `API key in field apiKey is put in the query string of a URL sent by http.NewRequestWithContext`
	req, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil)
	_ = req
}

func concat(apiKey string) {
	http.Get("https://api.example.com/v2/search?q=go&key=" + apiKey) // want `API key in parameter apiKey is put in the query string of a URL sent by http.Get`
}

func rawQuery(tok *oauth2.Token) {
	req, _ := http.NewRequest("GET", "https://api.example.com/me", nil)
	q := req.URL.Query()
	q.Set("access_token", tok.AccessToken) // want `access token .*is put in the query string of a URL sent by the request's URL.RawQuery`
	req.URL.RawQuery = q.Encode()
	http.DefaultClient.Do(req)
}

// Near miss: a middleware rewrites the request it serves for the next
// handler; nothing is sent. A request it is given without a writer may
// be sent, and is reported.
func copyToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		q.Set("authorization", q.Get("access_token"))
		r.URL.RawQuery = q.Encode()
		next.ServeHTTP(w, r)
	})
}

func signOutgoing(req *http.Request, tok *oauth2.Token) {
	q := req.URL.Query()
	q.Set("access_token", tok.AccessToken) // want `access token .*is put in the query string of a URL sent by the request's URL.RawQuery`
	req.URL.RawQuery = q.Encode()
}

func parsedURL(secret string) {
	u, _ := url.Parse("https://api.example.com/v1/things")
	q := u.Query()
	q.Set("client_secret", secret) // want `secret in parameter secret is put in the query string of a URL sent by http.Post`
	u.RawQuery = q.Encode()
	http.Post(u.String(), "application/json", nil)
}

func urlLiteral(c *client) {
	u := url.URL{Scheme: "https", Host: "api.example.com", Path: "/v1", RawQuery: "token=" + os.Getenv("API_TOKEN")} // want `token from environment variable API_TOKEN is put in the query string of a URL sent by http.Get`
	http.Get(u.String())
}

func bearerInQuery(r *http.Request) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	http.Get("https://upstream.example.com/data?access_token=" + tok) // want `bearer token from the Authorization header is put in the query string of a URL sent by http.Get`
}

// Near-misses.

func inHeader(c *client) {
	req, _ := http.NewRequest("GET", c.base+"/forecast", nil)
	req.Header.Set("X-API-Key", c.apiKey) // a header is the right place
	c.http.Do(req)
}

func postForm(c *client) {
	v := url.Values{}
	v.Set("client_secret", c.conf.ClientSecret) // the form body, not the URL
	http.PostForm("https://auth.example.com/token", v)
}

func signedURL(sig string, expires string) {
	q := url.Values{}
	q.Set("X-Amz-Signature", sig) // a request signature
	q.Set("Expires", expires)
	http.Get("https://bucket.s3.example.com/obj?" + q.Encode())
}

func hmacSig(secret string, payload string) {
	mac := sign(secret, payload)
	http.Get("https://hooks.example.com/cb?sig=" + url.QueryEscape(mac)) // HMAC output, not the secret
}

func sign(secret, payload string) string { return fmt.Sprintf("%x", len(secret)+len(payload)) }

func clientID(c *client) {
	q := url.Values{}
	q.Set("client_id", c.conf.ClientID) // public
	http.Get("https://auth.example.com/authorize?" + q.Encode())
}

func authRedirect(w http.ResponseWriter, r *http.Request, c *client, state string) {
	http.Redirect(w, r, c.conf.AuthCodeURL(state), http.StatusFound) // the OAuth redirect itself
}

func codeExchange(code string) {
	q := url.Values{}
	q.Set("code", code) // the authorization code belongs in the redirect
	http.Get("https://auth.example.com/callback?" + q.Encode())
}

func pathToken(botToken string) {
	http.Get("https://api.telegram.org/bot" + botToken + "/getMe") // in the path, as the API requires
}

func notCredential(userID string) {
	http.Get("https://api.example.com/users?id=" + userID) // an identifier
}

func pageToken(nextPageToken string) {
	http.Get("https://api.example.com/items?pageToken=" + nextPageToken) // a cursor
}

func csrfParam(csrfToken string) {
	http.Get("https://app.example.com/form?csrf=" + csrfToken) // meant to be seen
}

func beforeQuery(apiKey string) {
	http.Get("https://api.example.com/" + url.PathEscape(apiKey)) // no query at all
}

func unknownHost(base, apiKey string) {
	http.Get(base + "/v1/data?key=" + apiKey) // want `API key in parameter apiKey is put in the query string`
}

// The query parameter's name says what an unnamed value is.

func byParamConcat(c *client, v string) {
	http.Get(c.base + "/me?access_token=" + v) // want `token sent as the "access_token" query parameter is put in the query string`
}

func byParamSprintf(c *client, s string) {
	http.Get(fmt.Sprintf("%s/me?client_secret=%s", c.base, s)) // want `client secret sent as the "client_secret" query parameter is put in the query string`
}

func byParamValues(c *client, v string) {
	q := url.Values{}
	q.Set("api_key", v) // want `API key sent as the "api_key" query parameter is put in the query string`
	http.Get(c.base + "/x?" + q.Encode())
}

func byParamLoose(c *client, v, page string) {
	http.Get(c.base + "/x?key=" + v)              // "key" alone: a cache key as often as an API key
	http.Get(c.base + "/x?access_token=" + "dev") // a literal placeholder
	q := url.Values{}
	q.Set("signature", v) // a signature
	q.Set("page", page)
	http.Get(c.base + "/x?" + q.Encode())
}

func rawQueryDirect(token string) {
	req, _ := http.NewRequest("GET", "https://api.example.com/me", nil)
	req.URL.RawQuery = "access_token=" + token // want `token in parameter token is put in the query string of a URL sent by the request's URL.RawQuery`
	http.DefaultClient.Do(req)
}

// OpenID Connect defines id_token_hint as a query parameter of the
// end-session (logout) request; an access token there is still reported.
func logoutAtProvider(endSession string, idToken string, accessToken string) {
	u, _ := url.Parse(endSession)
	q := u.Query()
	q.Set("id_token_hint", idToken)
	u.RawQuery = q.Encode()
	http.Get(u.String())

	v, _ := url.Parse(endSession)
	w := v.Query()
	w.Set("access_token", accessToken) // want `token in parameter accessToken is put in the query string`
	v.RawQuery = w.Encode()
	http.Get(v.String())
}

// A credential after '#' is in the URL's fragment, which no client
// sends (a source string whose fragment the program turns into a
// header, go2rtc's "#header=Cookie:…"): left alone. The same key before
// the '#' is in the query.
func fragmentConcat(snapshot, apiKey string) {
	http.Get("https://cam.example.com/current.jpg?" + snapshot + "#header=X-Api-Key:" + apiKey)
	http.Get("https://cam.example.com/current.jpg?key=" + apiKey + "#top") // want `API key in parameter apiKey is put in the query string of a URL sent by http.Get`
}

func fragmentSprintf(c *client, s string) {
	http.Get(fmt.Sprintf("%s/me?view=%#v#key=%s", c.base, 1, c.apiKey))
	http.Get(fmt.Sprintf("%s/me?client_secret=%s#%s", c.base, s, "top")) // want `client secret sent as the "client_secret" query parameter is put in the query string`
}

// pollResult polls an asynchronous query by the handle the API returned
// when it started it; the credential goes in the header.
func pollResult(c *client, requestToken, accessToken string) {
	u := fmt.Sprintf("%s/query:poll?request-token=%s", c.base, url.QueryEscape(requestToken)) // silent: a request handle, not a credential
	req, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil)
	req.Header.Set("Authorization", "Api-Token "+c.apiKey)
	_ = req
	v := fmt.Sprintf("%s/query:poll?access_token=%s", c.base, accessToken) // want `token in parameter accessToken is put in the query string of a URL sent by http.NewRequestWithContext`
	req2, _ := http.NewRequestWithContext(context.Background(), "GET", v, nil)
	_ = req2
}
