package querywhose // want package:`tokenlog\(query params access_token, api_key, auth_token, secret read by querywhose\)`

// querywhose reads credential parameters from the query of the requests
// it serves (r.URL, a copy of it, a URL parsed from r.RequestURI, a
// helper called with r.URL) and from URLs it dials or reads from its
// configuration. Only the first are parameters of the requests a log of
// r.URL writes: the package fact lists them and no other.

import (
	"log"
	"net/http"
	"net/url"
)

// Positives: the request's own URL.

func accessToken(r *http.Request) string {
	return r.URL.Query().Get("access_token")
}

func apiKey(r *http.Request) string {
	u := r.URL
	return u.Query().Get("api_key")
}

func fromURL(u *url.URL) string { return u.Query().Get("auth_token") }

func authToken(r *http.Request) string { return fromURL(r.URL) }

func secretOf(r *http.Request) string {
	u, err := url.Parse(r.RequestURI)
	if err != nil {
		return ""
	}
	return u.Query().Get("secret")
}

// Near misses: URLs the program dials or was configured with.

type Config struct {
	Endpoint string
	Relay    *url.URL
}

// NewRelay is the relay client's shape: the URI of the relay to join,
// with its join token, handed in by another package.
func NewRelay(uri *url.URL) string { // want NewRelay:`result 0 is token from the "token" URL parameter`
	return uri.Query().Get("token")
}

func webhookKey(cfg Config) string {
	u, err := url.Parse(cfg.Endpoint)
	if err != nil {
		return ""
	}
	return u.Query().Get("apikey")
}

func relayKey(cfg Config) string {
	return cfg.Relay.Query().Get("client_secret")
}

func refreshOf(u *url.URL) string { return u.Query().Get("refresh_token") }

func refreshFromConfig(cfg Config) string { return refreshOf(cfg.Relay) }

func idToken(r *http.Request, cfg Config) string {
	u := r.URL
	if cfg.Relay != nil {
		u = cfg.Relay
	}
	return u.Query().Get("id_token")
}

func Handle(w http.ResponseWriter, r *http.Request) {
	_, _, _, _ = accessToken(r), apiKey(r), authToken(r), secretOf(r)
	log.Printf("request %s", r.URL.String()) // want `request URL with the "access_token" query parameter \(read in this package\) reaches log.Printf`
}
