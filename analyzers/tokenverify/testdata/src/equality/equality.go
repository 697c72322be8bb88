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
