package query

import (
	"fmt"
	"net/http"
)

// authServer is a server on this machine: a token in the query of a
// request to it crosses no network and passes no proxy.
const authServer = "http://localhost:9096"

func localTest(accessToken string) {
	resp, err := http.Get(fmt.Sprintf("%s/test?access_token=%s", authServer, accessToken))
	if err == nil {
		resp.Body.Close()
	}
	resp, err = http.Get("http://127.0.0.1:8080/me?access_token=" + accessToken)
	if err == nil {
		resp.Body.Close()
	}
	resp, err = http.Get("http://localhost.example.com/me?access_token=" + accessToken) // want `token in parameter accessToken is put in the query string of a URL sent by http.Get`
	if err == nil {
		resp.Body.Close()
	}
}

// Provider's user-info function is a literal in a package-level
// variable, which is source code like any other.
type Provider struct {
	Name        string
	GetUserInfo func(token string) (string, error)
}

var google = Provider{
	Name: "google",
	GetUserInfo: func(token string) (string, error) {
		resp, err := http.Get(fmt.Sprintf("https://www.googleapis.com/oauth2/v3/userinfo?access_token=%v", token)) // want `token in parameter token is put in the query string of a URL sent by http.Get`
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		return "ok", nil
	},
}

var local = Provider{
	Name: "local",
	GetUserInfo: func(token string) (string, error) {
		resp, err := http.Get(authServer + "/userinfo?access_token=" + token)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		return "ok", nil
	},
}
