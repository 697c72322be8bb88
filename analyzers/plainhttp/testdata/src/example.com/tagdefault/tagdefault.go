package tagdefault

import (
	"fmt"
	"net/http"
	"net/url"

	"example.com/tagdefault/config"
	"github.com/gorilla/websocket"
)

// The host of the CLI's own local proxy: its declared default is
// loopback.
func proxyLogs(token string) {
	u := url.URL{
		Scheme: "ws",
		Host:   fmt.Sprintf("%s:%d", config.Current.Proxy.Host, config.Current.Proxy.Front.Port),
		Path:   "/api/logs",
	}
	headers := http.Header{}
	headers.Set("Authorization", "Bearer "+token)
	websocket.DefaultDialer.Dial(u.String(), headers)
}

// Promoted through an embedded struct, with a host and port as its
// default.
func agent(token string) {
	req, _ := http.NewRequest("GET", "http://"+config.Current.Addr+"/status", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	http.DefaultClient.Do(req)
}

// Near misses: a remote default, a private address, no default at all.
func hub(token string) {
	u := url.URL{Scheme: "ws", Host: fmt.Sprintf("%s:%d", config.Current.Hub.Host, 443), Path: "/api/events"} // want `url.URL with scheme "ws"`
	headers := http.Header{}
	headers.Set("Authorization", "Bearer "+token)
	websocket.DefaultDialer.Dial(u.String(), headers)
}

func remote(token string) {
	u := url.URL{Scheme: "ws", Host: config.Current.Remote, Path: "/api/events"} // want `url.URL with scheme "ws"`
	headers := http.Header{}
	headers.Set("Authorization", "Bearer "+token)
	websocket.DefaultDialer.Dial(u.String(), headers)
}

func peer(token string) {
	u := url.URL{Scheme: "ws", Host: fmt.Sprintf("%s:%d", config.Current.Peer.Host, 8080), Path: "/api/events"} // want `url.URL with scheme "ws"`
	headers := http.Header{}
	headers.Set("Authorization", "Bearer "+token)
	websocket.DefaultDialer.Dial(u.String(), headers)
}
