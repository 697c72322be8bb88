// Package fetchedlocal reads the claims of tokens without verifying
// them inside the function that fetched them: a vehicle or cloud API
// client posts grant_type to its identity provider and decodes the
// answer into a local variable (json.Unmarshal(body, &res),
// helper.DoJSON(req, &res)), then reads its own account id from the ID
// token. That token came straight from the token endpoint over TLS
// (OIDC Core 3.1.3.7); one decoded from a request does not.
package fetchedlocal

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
)

type helper struct{ c *http.Client }

// DoJSON sends req and decodes the JSON answer into res.
func (h *helper) DoJSON(req *http.Request, res any) error {
	resp, err := h.c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(res)
}

type identity struct {
	*helper
	uuid  string
	token *oauth2.Token
}

type tokenAnswer struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
}

// Silent: an authorization-code exchange decoded by the client's
// helper into an anonymous struct with an id_token field.
func (v *identity) exchange(uri, code string) error {
	data := url.Values{
		"code":       {code},
		"grant_type": {"authorization_code"},
	}
	req, _ := http.NewRequest(http.MethodPost, uri, strings.NewReader(data.Encode()))
	var res struct {
		oauth2.Token
		IDToken string `json:"id_token"`
	}
	if err := v.DoJSON(req, &res); err != nil {
		return err
	}
	token, _, err := jwt.NewParser().ParseUnverified(res.IDToken, jwt.MapClaims{})
	if err != nil {
		return err
	}
	claims := token.Claims.(jwt.MapClaims)
	v.uuid = claims["uuid"].(string)
	v.token = &res.Token
	return nil
}

// Silent: a client-credentials grant decoded with encoding/json into a
// named token response.
func (v *identity) service(uri string) error {
	form := url.Values{}
	form.Set("grant_type", "client_credentials")
	resp, err := v.c.PostForm(uri, form)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var tok tokenAnswer
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil {
		return err
	}
	token, _, err := jwt.NewParser().ParseUnverified(tok.AccessToken, jwt.MapClaims{})
	if err != nil {
		return err
	}
	v.uuid = token.Claims.(jwt.MapClaims)["sub"].(string)
	return nil
}

// Near miss: the same decoding, but of the caller's request body; the
// function sends no grant_type.
func (v *identity) fromRequest(r *http.Request) error {
	var res tokenAnswer
	if err := json.NewDecoder(r.Body).Decode(&res); err != nil {
		return err
	}
	token, _, err := jwt.NewParser().ParseUnverified(res.AccessToken, jwt.MapClaims{}) // want `set the request identity`
	if err != nil {
		return err
	}
	v.uuid = token.Claims.(jwt.MapClaims)["sub"].(string)
	return nil
}

// Near miss: the token endpoint's side reads grant_type; the token in
// the body it decodes is the caller's.
func (v *identity) endpoint(r *http.Request) error {
	if r.FormValue("grant_type") != "refresh_token" {
		return nil
	}
	var res tokenAnswer
	if err := json.Unmarshal([]byte(r.FormValue("assertion")), &res); err != nil {
		return err
	}
	token, _, err := jwt.NewParser().ParseUnverified(res.AccessToken, jwt.MapClaims{}) // want `set the request identity`
	if err != nil {
		return err
	}
	v.uuid = token.Claims.(jwt.MapClaims)["sub"].(string)
	return nil
}

// Near miss: the function fetched a token, but the variable parsed is
// another one of the same type that was never decoded: its token is
// the caller's header.
func (v *identity) beside(uri string, r *http.Request) error {
	form := url.Values{}
	form.Set("grant_type", "client_credentials")
	req, _ := http.NewRequest(http.MethodPost, uri, strings.NewReader(form.Encode()))
	var res, presented tokenAnswer
	if err := v.DoJSON(req, &res); err != nil {
		return err
	}
	presented.AccessToken = strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	token, _, err := jwt.NewParser().ParseUnverified(presented.AccessToken, jwt.MapClaims{}) // want `set the request identity`
	if err != nil {
		return err
	}
	v.uuid = token.Claims.(jwt.MapClaims)["sub"].(string)
	return nil
}

// Near miss: the function posts grant_type, but what it decodes has no
// access or ID token field; the token parsed is a parameter.
func (v *identity) introspect(uri, raw string) error {
	form := url.Values{}
	form.Set("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
	req, _ := http.NewRequest(http.MethodPost, uri, strings.NewReader(form.Encode()))
	var st struct {
		Active bool `json:"active"`
	}
	if err := v.DoJSON(req, &st); err != nil || !st.Active {
		return err
	}
	token, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `set the request identity`
	if err != nil {
		return err
	}
	v.uuid = token.Claims.(jwt.MapClaims)["sub"].(string)
	return nil
}
