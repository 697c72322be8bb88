// Package filtered is demo with plainhttp/skip-verify disabled.
package filtered

import (
	"crypto/tls"
	"net/http"
)

func calls() {
	http.Get("http://api.example.com/users")    // want `plain HTTP URL http://api.example.com reaches http.Get`
	http.Get("http://legacy.example.net/users") // allowed by the plainhttp.allow-hosts setting
	_ = &tls.Config{InsecureSkipVerify: true}   // plainhttp/skip-verify is disabled
}

func ignored() {
	//authvet:ignore plainhttp/url -- a fixture for the ignore comment
	http.Get("http://api.example.com/ignored")
}
