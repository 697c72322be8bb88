package fix

import (
	"crypto/tls"
	"net/http"
	"net/url"

	"github.com/gorilla/websocket"
)

const base = "http://api.example.com/v1" // want `constant base holds plain HTTP URL http://api.example.com`

func calls() {
	http.Get(base + "/users")
	http.Get("http://bob:s3cr3t@api.example.com/") // want `plain HTTP URL http://api.example.com reaches http.Get`
	http.Get(`http://raw.example.com/x`)           // want `http://raw.example.com`
	// No fix: with an explicit port the scheme change alone is rarely right.
	http.Get("http://api.example.com:8080/x")                     // want `http://api.example.com:8080`
	websocket.DefaultDialer.Dial("ws://stream.example.com/", nil) // want `use wss://`
	u := url.URL{Scheme: "http", Host: "api.example.com"}         // want `url.URL with scheme "http"`
	http.Get(u.String())
}

var _ = &tls.Config{MinVersion: tls.VersionTLS10} // want `MinVersion is TLS 1.0`

var _ = &tls.Config{MaxVersion: tls.VersionTLS11} // want `MaxVersion is TLS 1.1`
