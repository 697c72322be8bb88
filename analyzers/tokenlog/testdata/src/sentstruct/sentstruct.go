// Package sentstruct prints configuration structs whole. A field the
// package sends as a credential (ServerKey, in an Authorization header)
// is printed with its struct, whatever it is called; a struct whose
// String method redacts it, or one with no field sent so, is not.
package sentstruct

import (
	"fmt"
	"log"
	"net/http"
	"time"
)

type PushConfig struct {
	URL       string
	ServerKey string
	Timeout   time.Duration
}

type Push struct {
	cfg  PushConfig
	http *http.Client
}

func newPush(cfg PushConfig) *Push {
	log.Printf("push configured: %+v", cfg) // want `sentstruct.PushConfig with credential field ServerKey is printed whole by log.Printf`
	return &Push{cfg: cfg, http: &http.Client{Timeout: cfg.Timeout}}
}

func (p *Push) send(req *http.Request) {
	req.Header.Set("Authorization", "key="+p.cfg.ServerKey)
}

type RelayConfig struct {
	URL     string
	Account string
	Passkey string
}

// String keeps the key out of logs.
func (c RelayConfig) String() string { return fmt.Sprintf("RelayConfig{%s %s}", c.URL, c.Account) }

type QueueConfig struct {
	URL   string
	Queue string
}

func newOthers(r RelayConfig, q QueueConfig, req *http.Request) {
	req.Header.Set("X-Relay-Key", r.Passkey)
	log.Printf("relay: %v", r)
	log.Printf("queue: %+v", q)
}
