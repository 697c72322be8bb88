// Package inertparam: a field passed for a credential-named parameter
// of the package's own function is a credential field only if that
// function uses the parameter as one (sets a header with it, compares
// it, hands it to a library's credential parameter, to a function that
// does); one that only records the value (a log entry, a record's
// target, a log line) says nothing about what it holds.
package inertparam

import (
	"crypto/subtle"
	"log"
	"net/http"
)

type pushRequest struct {
	Topic       string
	CallbackURL string
	Relay       string
	Upstream    string
	Hook        string
}

type logEntry struct {
	Status string
	Token  string
}

type record struct{ Target string }

var entries []logEntry

// logPush only records its token in a log entry.
func logPush(status, token string) logEntry {
	e := logEntry{Status: status, Token: token}
	entries = append(entries, e)
	return e
}

// sendAndRecord hands its token on as a record's target.
func sendAndRecord(url, token string) *record {
	log.Printf("sent to %s", url)
	return newRecord(token)
}

func newRecord(target string) *record {
	r := &record{}
	r.Target = target
	return r
}

// relay sets its token as the bearer credential.
func relay(req *http.Request, token string) {
	req.Header.Set("Authorization", "Bearer "+token)
}

// forward passes its secret on to a function that sets it.
func forward(req *http.Request, secret string) {
	relay(req, secret)
}

// check compares its token with the configured one.
func check(token string) bool {
	return subtle.ConstantTimeCompare([]byte(token), []byte("configured")) == 1
}

func handle(req *http.Request, p pushRequest) {
	logPush("ok", p.Topic)
	log.Printf("topic %s", p.Topic) // silent: logPush only records it
	sendAndRecord("http://callback", p.CallbackURL)
	log.Printf("callback %s", p.CallbackURL) // silent: sendAndRecord only records it

	relay(req, p.Relay)
	log.Printf("relay %s", p.Relay) // want `token in field Relay \(sent as parameter token of relay at inertparam.go:\d+\) reaches log.Printf`
	forward(req, p.Upstream)
	log.Printf("upstream %s", p.Upstream) // want `secret in field Upstream \(sent as parameter secret of forward at inertparam.go:\d+\) reaches log.Printf`
	_ = check(p.Hook)
	log.Printf("hook %s", p.Hook) // want `token in field Hook \(sent as parameter token of check at inertparam.go:\d+\) reaches log.Printf`
}

// topicOf logs a value it then passes for a credential-named parameter:
// the callee's use decides.
func topicOf(req *http.Request, topic, cond string) {
	to := topic
	if cond != "" {
		to = cond
	}
	log.Printf("send to %s", to) // silent: logPush only records it
	logPush("ok", to)

	up := req.URL.Query().Get("upstream")
	log.Printf("relay to %s", up) // want `token passed as parameter token of inertparam.relay reaches log.Printf`
	relay(req, up)
}
