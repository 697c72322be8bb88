// Package cachedptr caches a struct read from a file through a pointer
// kept in a package variable.
package cachedptr

import (
	"encoding/json"
	"log"
	"log/slog"
	"os"

	"golang.org/x/oauth2"
)

type Device struct {
	Name   string
	IP     string
	APIKey string
}

var cached *Device

var devices = map[string]Device{}

// Current fills the device field by field, caches a pointer to it and
// returns it: its key is one field of the result, its IP another.
func Current() (Device, error) { // want Current:`result 0.2 is API key in variable apiKey`
	if cached != nil {
		return *cached, nil
	}
	device, ok := devices[os.Getenv("DEVICE")]
	if !ok {
		device = Device{}
		device.IP = os.Getenv("DEVICE_IP")
		if apiKey := os.Getenv("DEVICE_KEY"); apiKey != "" {
			device.APIKey = apiKey
		}
	}
	cached = &device
	return device, nil
}

// Near miss: the IP beside the key.
func LogIP() {
	d, err := Current()
	if err == nil {
		log.Println("device ip " + d.IP)
	}
}

func LogKey() {
	d, err := Current()
	if err == nil {
		log.Println("device key " + d.APIKey) // want `API key in variable apiKey returned by Current reaches log.Println`
	}
}

// The whole device, key included.
func LogDevice() {
	d, err := Current()
	if err == nil {
		log.Printf("device %+v", d) // want `API key in variable apiKey returned by Current reaches log.Printf`
	}
}

// Through the cached pointer, read in the same function it is set in.
func Refresh() {
	device := Device{IP: os.Getenv("DEVICE_IP")}
	device.APIKey = os.Getenv("DEVICE_KEY")
	cached = &device
	log.Println("cached ip " + cached.IP)
	log.Println("cached key " + cached.APIKey) // want `reaches log.Println`
}

type Creds struct {
	ClientID     string
	ClientSecret string
}

type Client struct {
	Name  string
	creds *Creds
}

// NewClient returns a client holding a pointer to its credentials.
func NewClient() *Client { // want NewClient:`result 0.1\*.1 is client secret from environment variable OAUTH_CLIENT_SECRET`
	cc := &Creds{ClientID: os.Getenv("OAUTH_CLIENT_ID"), ClientSecret: os.Getenv("OAUTH_CLIENT_SECRET")}
	return &Client{Name: "api", creds: cc}
}

func LogClient() {
	c := NewClient()
	log.Println("client " + c.Name + " id " + c.creds.ClientID)
	log.Println("client secret " + c.creds.ClientSecret) // want `client secret from environment variable OAUTH_CLIENT_SECRET returned by NewClient reaches log.Println`
	log.Printf("creds %+v", *c.creds)                    // want `reaches log.Printf`
}

// Tokens pairs an OAuth2 token with the ID token it carried.
type Tokens struct {
	*oauth2.Token
	IDToken string
}

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	IDToken     string `json:"id_token"`
}

func exchange(body []byte) (*oauth2.Token, string, error) {
	var res tokenResponse
	if err := json.Unmarshal(body, &res); err != nil {
		return nil, "", err
	}
	return &oauth2.Token{AccessToken: res.AccessToken}, res.IDToken, nil
}

func refresh(body []byte) (*Tokens, error) {
	t, id, err := exchange(body)
	if err != nil {
		return nil, err
	}
	return &Tokens{Token: t, IDToken: id}, nil
}

// The token type printed whole: the access token's flow by its field
// name came through two functions, too far to report, and does not
// hide it.
func LogRefreshed(body []byte) {
	toks, err := refresh(body)
	if err == nil {
		slog.Info("refreshed", "token", toks.Token) // want `\*oauth2.Token with credential field AccessToken is printed whole by slog.Info`
	}
}
