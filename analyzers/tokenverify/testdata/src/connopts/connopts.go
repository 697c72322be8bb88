// Package connopts compares the password of a client library's
// connection settings: with another setting it is a consistency check,
// with what a caller presents it is authentication.
package connopts

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/redis/go-redis/v9"
)

var errMismatch = errors.New("the password in the URL and the configured password differ")

// Single refuses a URL whose password contradicts the configured one.
func Single(endpoint, password string) (*redis.Options, error) {
	opts, err := redis.ParseURL(endpoint)
	if err != nil {
		return nil, err
	}
	if opts.Password != "" && password != "" && opts.Password != password {
		return nil, errMismatch
	}
	return opts, nil
}

// Cluster does the same through a local variable, over several URLs.
func Cluster(endpoint, password string) (*redis.ClusterOptions, error) {
	var urlPwd string
	co := &redis.ClusterOptions{Password: password}
	for _, raw := range strings.Split(endpoint, ",") {
		opts, err := redis.ParseURL(strings.TrimSpace(raw))
		if err != nil {
			continue
		}
		co.Addrs = append(co.Addrs, opts.Addr)
		if urlPwd == "" {
			urlPwd = opts.Password
		}
	}
	if urlPwd != "" && password != "" && urlPwd != password {
		return nil, errMismatch
	}
	return co, nil
}

// Broker compares the user info of a parsed broker URL with the
// configured password.
func Broker(brokerURL, password string) error {
	u, err := url.Parse(brokerURL)
	if err != nil {
		return err
	}
	if pw, ok := u.User.Password(); ok && pw != password {
		return errMismatch
	}
	return nil
}

// Config is the module's own settings type: its password is the one
// callers log in with.
type Config struct {
	Password string
}

var cfg = &Config{}

// Login checks a caller's password against the module's own setting.
func Login(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("password") != cfg.Password { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
}

var shared, _ = redis.ParseURL("redis://cache:6379")

// Gate lets in callers that present the cache's password: that is
// authentication, whatever type holds the password.
func Gate(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Cache-Password") != shared.Password { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
}

// BasicGate parses the caller's URL user info: a presented password.
func BasicGate(w http.ResponseWriter, r *http.Request) {
	u, _ := url.Parse("http://" + r.Header.Get("X-Forwarded-Userinfo") + "@host")
	if pw, _ := u.User.Password(); pw != cfg.Password { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
}
