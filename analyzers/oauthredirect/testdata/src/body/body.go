// Package body holds return URLs decoded from a login request's body. // want package:`cookies set: session`
package body

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

type loginRequest struct {
	User     string `json:"user"`
	Password string `json:"password"`
	Next     string `json:"next"`
}

func checkPassword(user, password string) bool { return user != "" && password != "" }

func login(w http.ResponseWriter, r *http.Request) {
	var req loginRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	if !checkPassword(req.User, req.Password) {
		return
	}
	http.Redirect(w, r, req.Next, http.StatusSeeOther) // want `the request field Next`
}

func loginChecked(w http.ResponseWriter, r *http.Request) {
	var req loginRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	if !checkPassword(req.User, req.Password) || !strings.HasPrefix(req.Next, "/") || strings.HasPrefix(req.Next, "//") {
		return
	}
	http.Redirect(w, r, req.Next, http.StatusSeeOther) // path-only check on the same field
}

func loginUnmarshal(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	req := &loginRequest{}
	if err := json.Unmarshal(data, req); err != nil {
		return
	}
	if !checkPassword(req.User, req.Password) {
		return
	}
	http.Redirect(w, r, req.Next, http.StatusSeeOther) // want `the request field Next`
}

func ginLogin(c *gin.Context) {
	var req loginRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	c.SetCookie("session", "v", 3600, "/", "", true, true)
	c.Redirect(http.StatusFound, req.Next) // want `the request field Next`
}

type profile struct{ Website string }

// fromProvider decodes a response of the identity provider, not the
// request.
func fromProvider(w http.ResponseWriter, r *http.Request, resp *http.Response) {
	var p profile
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: true})
	http.Redirect(w, r, p.Website, http.StatusFound) // not request data
}
