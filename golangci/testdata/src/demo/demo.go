// Package demo has plainhttp findings under the settings the plugin test
// gives: allow-hosts, and an //authvet:ignore comment.
package demo

import (
	"crypto/tls"
	"net/http"
)

func calls() {
	http.Get("http://api.example.com/users")    // want `plain HTTP URL http://api.example.com reaches http.Get`
	http.Get("http://legacy.example.net/users") // allowed by the plainhttp.allow-hosts setting
	_ = &tls.Config{InsecureSkipVerify: true}   // want `InsecureSkipVerify`
}

func ignored() {
	//authvet:ignore plainhttp/url -- a fixture for the ignore comment
	http.Get("http://api.example.com/ignored")
}
