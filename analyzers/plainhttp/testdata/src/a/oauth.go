package a

import (
	"context"
	"net/http"

	"github.com/gorilla/websocket"
	xws "golang.org/x/net/websocket"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	nws "nhooyr.io/websocket"
)

// idpBase reaches oauth2.Endpoint.AuthURL below; the report is here.
const idpBase = "http://idp.example.com" // want `plain HTTP URL http://idp.example.com reaches oauth2.Endpoint.AuthURL`

var conf = &oauth2.Config{
	ClientID: "app",
	Endpoint: oauth2.Endpoint{
		AuthURL:  idpBase + "/authorize",
		TokenURL: "http://idp.example.com/token", // want `reaches oauth2.Endpoint.TokenURL`
	},
	RedirectURL: "http://app.example.com/callback", // want `reaches oauth2.Config.RedirectURL`
}

var local = &oauth2.Config{
	Endpoint: oauth2.Endpoint{
		AuthURL:       "https://idp.example.com/authorize", // https
		DeviceAuthURL: "https://idp.example.com/device",
	},
	RedirectURL: "http://localhost:8085/callback", // near miss: loopback redirect of a CLI login
}

func ccFlow() {
	cc := clientcredentials.Config{TokenURL: "http://sso.example.com/token"} // want `reaches clientcredentials.Config.TokenURL`
	_ = cc
	conf.RedirectURL = "http://other.example.com/cb" // want `reaches oauth2.Config.RedirectURL`
}

func dials(ctx context.Context) {
	websocket.DefaultDialer.Dial("ws://stream.example.com/feed", nil)                    // want `plain WebSocket URL ws://stream.example.com reaches \(\*websocket.Dialer\).Dial with no credential in the request; use wss://`
	websocket.DefaultDialer.DialContext(ctx, "ws://stream.example.com/x", http.Header{}) // want `reaches \(\*websocket.Dialer\).DialContext`
	nws.Dial(ctx, "ws://events.example.com/", nil)                                       // want `reaches websocket.Dial`
	xws.Dial("ws://legacy.example.com/ws", "", "http://legacy.example.com/")             // want `reaches websocket.Dial`

	// Near misses.
	websocket.DefaultDialer.Dial("wss://stream.example.com/feed", nil)
	websocket.DefaultDialer.Dial("ws://localhost:8080/feed", nil)
}
