// Package tokenrespmap: a token response decoded into a map holds its
// tokens under their keys (go-authcrunch's OAuth identity provider logs
// the map its token request returns); the map's error entries, a struct
// decoded from it and a configuration turned into a map are judged
// otherwise.
package tokenrespmap

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"
)

func fetchAccessToken(tokenURL, code, secret string) (map[string]interface{}, error) {
	form := url.Values{}
	form.Set("grant_type", "authorization_code")
	form.Set("code", code)
	form.Set("client_secret", secret)
	resp, err := http.Post(tokenURL, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	data := make(map[string]interface{})
	if err := json.Unmarshal(body, &data); err != nil {
		return nil, err
	}
	log.Printf("token response decoded: %v", data) // want `token response of an OAuth token request \(grant_type\) reaches log.Printf`
	if e, ok := data["error"]; ok {
		log.Printf("token request failed: %v (%v)", e, data["error_description"])
		return nil, io.EOF
	}
	return data, nil
}

func authenticate(tokenURL, code, secret string) {
	tok, err := fetchAccessToken(tokenURL, code, secret)
	if err != nil {
		return
	}
	log.Printf("access token response: %v", tok)        // want `token response of an OAuth token request \(grant_type\) returned by fetchAccessToken reaches log.Printf`
	log.Printf("access token: %v", tok["access_token"]) // want `token response of an OAuth token request \(grant_type\) returned by fetchAccessToken reaches log.Printf`
	log.Printf("token type %v, expires in %v", tok["token_type"], tok["expires_in"])
}

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
}

// decodeStruct: a struct's fields are judged by their names.
func decodeStruct(tokenURL string) {
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"client_credentials"}})
	if err != nil {
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var tr tokenResponse
	if err := json.Unmarshal(body, &tr); err != nil {
		return
	}
	log.Printf("token expires in %d", tr.ExpiresIn)
}

type providerConfig struct {
	Name         string `json:"name"`
	ClientSecret string `json:"client_secret"`
}

// logConfig: a configuration marshalled, decoded back into a map and
// logged after its secret keys are deleted.
func logConfig(cfg providerConfig) {
	b, err := json.Marshal(cfg)
	if err != nil {
		return
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return
	}
	for k := range m {
		if strings.Contains(strings.ToLower(k), "secret") {
			delete(m, k)
		}
	}
	log.Printf("provider config: %v", m)
}
