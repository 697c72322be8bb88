// Package tokenresp: the text of the response to a request that sets
// grant_type (an OAuth token request) is the token response, a
// credential; the response of any other request, and a token
// request's response read only on its failing branch, are not.
package tokenresp

import (
	"fmt"
	"log"
	"net/url"

	"github.com/go-resty/resty/v2"
)

type Json map[string]interface{}

type Driver struct {
	ClientID, ClientSecret, RefreshToken string
	client                               *resty.Client
}

// A JSON body built from a map type (alist's base.Json).
func (d *Driver) refreshJSON(u string) (string, error) {
	res, err := d.client.R().
		SetBody(Json{
			"client_id":     d.ClientID,
			"client_secret": d.ClientSecret,
			"grant_type":    "refresh_token",
			"refresh_token": d.RefreshToken,
		}).
		Post(u)
	if err != nil {
		return "", err
	}
	log.Printf("refresh token response: %s", res.String()) // want `token response of an OAuth token request \(grant_type\) reaches log.Printf`
	return res.String(), nil
}

// A form, the setters called on the request variable.
func (d *Driver) refreshForm(u string) error {
	req := d.client.R()
	req.SetFormData(map[string]string{"grant_type": "refresh_token", "refresh_token": d.RefreshToken})
	resp, err := req.Post(u)
	if err != nil {
		return err
	}
	log.Println(string(resp.Body())) // want `token response of an OAuth token request \(grant_type\) reaches log.Println`
	return nil
}

type tokenRequest struct {
	GrantType string `json:"grant_type"`
	Code      string `json:"code"`
}

// A struct body tagged grant_type, url.Values, and a query parameter.
func (d *Driver) exchange(u, code string) {
	r1, _ := d.client.R().SetBody(&tokenRequest{GrantType: "authorization_code", Code: code}).Post(u)
	log.Print(r1.String()) // want `token response`
	r2, _ := d.client.R().SetFormDataFromValues(url.Values{"grant_type": {"client_credentials"}}).Post(u)
	log.Print(r2.String()) // want `token response`
	r3, _ := d.client.R().SetQueryParam("grant_type", "client_credentials").Get(u)
	log.Print(r3.String()) // want `token response`
}

// Near misses.

// An ordinary API call: its response is data, not tokens, whatever the
// URL or variable says.
func (d *Driver) list(u string) {
	tokenResp, _ := d.client.R().SetBody(Json{"parent_file_id": "root", "limit": 100}).Post(u + "/oauth/token/list")
	log.Printf("list: %s", tokenResp.String())
	r, _ := d.client.R().SetQueryParam("grant", "x").Get(u)
	log.Print(r.String())
}

// The token response read only where it failed: an error body.
func (d *Driver) refreshChecked(u string) error {
	resp, err := d.client.R().SetFormData(map[string]string{"grant_type": "refresh_token", "refresh_token": d.RefreshToken}).Post(u)
	if err != nil {
		return err
	}
	if resp.StatusCode() != 200 {
		log.Printf("refresh failed: %s", resp.String())
		return fmt.Errorf("failed to refresh token: %s", resp.String())
	}
	return nil
}

func (d *Driver) refreshIsError(u string) error {
	resp, _ := d.client.R().SetFormData(map[string]string{"grant_type": "refresh_token"}).Post(u)
	if resp.IsError() {
		log.Printf("refresh failed: %s", resp.String())
		return nil
	}
	if !resp.IsSuccess() {
		log.Printf("refresh failed: %s", resp.String())
	}
	return nil
}

// The status code and length of a token response.
func (d *Driver) refreshStatus(u string) {
	resp, _ := d.client.R().SetFormData(map[string]string{"grant_type": "refresh_token"}).Post(u)
	log.Printf("refresh: status %d, %d bytes", resp.StatusCode(), len(resp.Body()))
}

// The body read once before the status test: written on the failing
// branch it is an error body; written after the test passed it is the
// token response.
func (d *Driver) readOnce(u string) (string, error) {
	resp, err := d.client.R().SetFormData(map[string]string{"grant_type": "refresh_token"}).Post(u)
	if err != nil {
		return "", err
	}
	body := resp.String()
	if resp.StatusCode() != 200 {
		log.Printf("refresh failed: %s", body)
		return "", fmt.Errorf("refresh failed: %s", body)
	}
	log.Printf("refreshed: %s", body) // want `token response of an OAuth token request \(grant_type\) reaches log.Printf`
	return body, nil
}
