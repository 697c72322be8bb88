// Package tokenrespnet: the body of a net/http response to a request
// whose form sets grant_type is the token response; other responses,
// and a token response written only where its status said it failed,
// are not.
package tokenrespnet

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"
)

func refreshPostForm(tokenURL, refresh string) ([]byte, error) {
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	log.Printf("token response: %s", body) // want `token response of an OAuth token request \(grant_type\) reaches log.Printf`
	return body, err
}

func clientCredentials(ctx context.Context, c *http.Client, tokenURL, id, secret string) (string, error) {
	form := url.Values{}
	form.Set("grant_type", "client_credentials")
	form.Set("client_id", id)
	form.Set("client_secret", secret)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		log.Printf("token request failed: %d %s", resp.StatusCode, b)
		return "", fmt.Errorf("token request failed: %s", b)
	}
	log.Println("got token:", string(b)) // want `token response of an OAuth token request \(grant_type\) reaches log.Println`
	return string(b), nil
}

func post(tokenURL, code string) {
	v := url.Values{"code": {code}}
	v.Add("grant_type", "authorization_code")
	resp, err := http.Post(tokenURL, "application/x-www-form-urlencoded", bytes.NewBufferString(v.Encode()))
	if err != nil {
		return
	}
	b, _ := io.ReadAll(resp.Body)
	fmt.Println(string(b)) // want `token response`
}

// Near misses.

// A form without grant_type, to a URL that says token.
func revoke(tokenURL, tok string) {
	resp, err := http.PostForm(tokenURL+"/revoke-token", url.Values{"token_type_hint": {"refresh_token"}})
	if err != nil {
		return
	}
	b, _ := io.ReadAll(resp.Body)
	log.Printf("revoke: %s", b)
}

// A GET of an API: its body is data.
func profile(c *http.Client, apiURL string) {
	req, _ := http.NewRequest(http.MethodGet, apiURL, nil)
	resp, err := c.Do(req)
	if err != nil {
		return
	}
	b, _ := io.ReadAll(resp.Body)
	log.Printf("profile: %s", b)
}

// A token response read only where it failed.
func refreshChecked(tokenURL string) error {
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"refresh_token"}})
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		log.Printf("refresh failed: %s", b)
		return fmt.Errorf("refresh failed: %s", b)
	}
	return nil
}
