package outbound

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

// Slack posts notifications with the bot token.
type Slack struct {
	BotToken string
	ClientID string
	Client   *http.Client
}

// Post uses chat.postMessage with the token in the Authorization header.
func (s *Slack) Post(channel, text string) error {
	body, _ := json.Marshal(map[string]string{"channel": channel, "text": text})
	req, err := http.NewRequest(http.MethodPost, "https://slack.com/api/chat.postMessage", strings.NewReader(string(body))) // NEAR credexposure c08
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.BotToken)
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := s.Client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ChannelName looks a channel up with the old token-in-query style.
func (s *Slack) ChannelName(id string) (string, error) {
	resp, err := s.Client.Get("https://slack.com/api/conversations.info?channel=" + url.QueryEscape(id) + "&token=" + s.BotToken) // WANT credexposure C06
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct {
		Channel struct {
			Name string `json:"name"`
		} `json:"channel"`
	}
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.Channel.Name, err
}

// InstallURL is the "Add to Slack" link (client id and state belong in it).
func (s *Slack) InstallURL(state string) string {
	q := url.Values{"client_id": {s.ClientID}, "scope": {"chat:write"}, "state": {state}} // NEAR credexposure c09
	return "https://slack.com/oauth/v2/authorize?" + q.Encode()
}

// Exchange exchanges the install code; the client secret goes in the form body.
func (s *Slack) Exchange(code, clientSecret string) error {
	resp, err := s.Client.PostForm("https://slack.com/api/oauth.v2.access", url.Values{"client_id": {s.ClientID}, "client_secret": {clientSecret}, "code": {code}}) // NEAR credexposure c10
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
