// Package equality: credentials compared field by field in an equality
// function are a changed configuration, not a login; the same field
// compared between a stored user and one decoded from a request still
// is.
package equality

import (
	"encoding/json"
	"net/http"
)

type OAuth2Config struct {
	ClientID     string
	ClientSecret string
	RefreshToken string
}

type SMTP struct {
	Host     string
	Password string
	OAuth2   OAuth2Config
}

func (c *SMTP) isEqual(other *SMTP) bool {
	if c.Host != other.Host {
		return false
	}
	if c.Password != other.Password {
		return false
	}
	if c.OAuth2.ClientSecret != other.OAuth2.ClientSecret {
		return false
	}
	return c.OAuth2.RefreshToken == other.OAuth2.RefreshToken
}

func sameSMTP(a, b SMTP) bool {
	return a.Password == b.Password
}

type User struct {
	Name     string
	Password string
}

var users = map[string]*User{}

// Near misses: a login comparing a stored user with one from the body.

func login(w http.ResponseWriter, r *http.Request) {
	var in User
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		return
	}
	u := users[in.Name]
	if u == nil || u.Password != in.Password { // want `password in field Password compared with !=`
		http.Error(w, "denied", http.StatusUnauthorized)
		return
	}
}

// A bool function whose operands are not both its parameters.
func (u *User) matches(r *http.Request) bool {
	var in User
	_ = json.NewDecoder(r.Body).Decode(&in)
	return u.Password == in.Password // want `password in field Password compared with ==`
}

// Webhook is a stored hook with the secret its calls are signed with.
type Webhook struct {
	Name   string
	Secret string
}

// Near miss: an update may not change the secret; when it tries it is
// refused, and the stored secret is written over the submitted one.
func updateWebhook(w http.ResponseWriter, r *http.Request, stored []*Webhook) {
	var update Webhook
	if err := json.NewDecoder(r.Body).Decode(&update); err != nil {
		return
	}
	for _, wh := range stored {
		if wh.Name != update.Name {
			continue
		}
		if update.Secret != "" && update.Secret != wh.Secret {
			http.Error(w, "webhook secret cannot be updated", http.StatusBadRequest)
			return
		}
		update.Secret = wh.Secret
	}
}

// Positive: the submitted secret is checked and nothing is written
// back: a login by webhook secret.
func callWebhook(w http.ResponseWriter, r *http.Request, stored []*Webhook) {
	var call Webhook
	if err := json.NewDecoder(r.Body).Decode(&call); err != nil {
		return
	}
	for _, wh := range stored {
		if wh.Name != call.Name {
			continue
		}
		if call.Secret != wh.Secret { // want `compared with !=`
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		serve(w, wh)
	}
}

// Positive: the stored secret is written over the submitted one, but the
// refusing branch is not right before it.
func callThenKeep(w http.ResponseWriter, r *http.Request, wh *Webhook) {
	var call Webhook
	if err := json.NewDecoder(r.Body).Decode(&call); err != nil {
		return
	}
	if call.Secret != wh.Secret { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	serve(w, wh)
	call.Secret = wh.Secret
}

func serve(w http.ResponseWriter, wh *Webhook) { _, _ = w.Write([]byte(wh.Name)) }

// Positive: the refusal is followed by keeping the stored secret, but
// no empty value is let through: the submitted secret must match, as in
// a login.
func callRefuseKeep(w http.ResponseWriter, r *http.Request, wh *Webhook) {
	var call Webhook
	if err := json.NewDecoder(r.Body).Decode(&call); err != nil {
		return
	}
	if call.Name == wh.Name && call.Secret != wh.Secret { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	call.Secret = wh.Secret
	serve(w, wh)
}

// Near miss: the same guard written with parentheses; the write is to
// the same field of the same variables ((update).Secret is
// update.Secret), which text comparison missed.
func updateWebhookParen(w http.ResponseWriter, r *http.Request, wh *Webhook) {
	var update Webhook
	if err := json.NewDecoder(r.Body).Decode(&update); err != nil {
		return
	}
	if (update).Secret != "" && update.Secret != wh.Secret {
		http.Error(w, "webhook secret cannot be updated", http.StatusBadRequest)
		return
	}
	(update).Secret = (wh).Secret
}

// Positive: the compared hook is declared in the if's init; the write
// after it keeps another variable's secret (the parameter of the same
// name), so nothing keeps the stored value that was checked, whatever
// the text says.
func updateWebhookShadowed(w http.ResponseWriter, r *http.Request, wh *Webhook, load func() *Webhook) {
	var update Webhook
	if err := json.NewDecoder(r.Body).Decode(&update); err != nil {
		return
	}
	if wh := load(); update.Secret != "" && update.Secret != wh.Secret { // want `compared with !=`
		http.Error(w, "webhook secret cannot be updated", http.StatusBadRequest)
		return
	}
	update.Secret = wh.Secret
}
