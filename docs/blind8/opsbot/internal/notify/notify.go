// Package notify posts incident updates to Slack and PagerDuty.
package notify

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
)

// incidentsWebhook posts to #incidents.
const incidentsWebhook = "https://hooks.slack.com/services/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" // WANT hardcodedcred H12

// webhookDocsExample is shown by /opsbot help.
const webhookDocsExample = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX" // NEAR hardcodedcred h21

// botToken is the opsbot Slack app's bot token.
var botToken = envOr("SLACK_BOT_TOKEN", "xoxb-465886166174-4255166190459-OaHXSa2vRDio8hSiMlCAuQBi") // WANT hardcodedcred H13

// botTokenHelp is printed when SLACK_BOT_TOKEN is missing.
const botTokenHelp = "set SLACK_BOT_TOKEN=xoxb-your-bot-token (Slack app > OAuth & Permissions)" // NEAR hardcodedcred h22

// PagerDuty events API.
const pdEventsURL = "https://events.pagerduty.com/v2/enqueue"

// pdRoutingKey is the integration key of the "opsbot" service.
const pdRoutingKey = "R02F9GX7KQ1ZP5MB3WDT8NY4VHL6CJ0A" // WANT hardcodedcred H14

// Notifier sends notifications.
type Notifier struct {
	HTTP *http.Client
	Log  *slog.Logger
}

// Slack posts a message.
func (n *Notifier) Slack(channel, text string) error {
	body, _ := json.Marshal(map[string]string{"channel": channel, "text": text})
	req, err := http.NewRequest(http.MethodPost, "https://slack.com/api/chat.postMessage", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+botToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := n.HTTP.Do(req)
	if err != nil {
		n.Log.Error("slack post failed", "channel", channel, "err", err) // NEAR tokenlog t41
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		n.Log.Error("slack post rejected", "status", resp.Status, "auth", req.Header.Get("Authorization")) // WANT tokenlog T26
	}
	return nil
}

// Incident posts to the incidents webhook and pages.
func (n *Notifier) Incident(summary string) error {
	body, _ := json.Marshal(map[string]string{"text": summary})
	if _, err := n.HTTP.Post(incidentsWebhook, "application/json", bytes.NewReader(body)); err != nil {
		n.Log.Error("incident webhook failed", "webhook", incidentsWebhook, "err", err) // WANT tokenlog T27
	}
	ev, _ := json.Marshal(map[string]any{"routing_key": pdRoutingKey, "event_action": "trigger",
		"payload": map[string]string{"summary": summary, "severity": "critical", "source": "opsbot"}})
	resp, err := n.HTTP.Post(pdEventsURL, "application/json", bytes.NewReader(ev))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	n.Log.Info("paged", "status", resp.StatusCode, "dedup", resp.Header.Get("X-Dedup-Key")) // NEAR tokenlog t42
	return nil
}

// StatusPage updates the public status page (basic auth of the status page API).
func (n *Notifier) StatusPage(component, state string) error {
	req, err := http.NewRequest(http.MethodPatch, "https://api.statuspage-host.com/v1/components/"+component, bytes.NewBufferString(`{"status":"`+state+`"}`))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("opsbot:Fv8#Lq2@Zm5!Rt9w"))) // WANT hardcodedcred H15
	resp, err := n.HTTP.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// Describe says which credentials are configured.
func Describe() string {
	return fmt.Sprintf("slack bot token: %t, pagerduty: %t", os.Getenv("SLACK_BOT_TOKEN") != "", pdRoutingKey != "") // NEAR tokenlog t43
}
