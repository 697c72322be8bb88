// Package slack is a stub of github.com/slack-go/slack.
package slack

import "context"

type WebhookMessage struct {
	Text    string
	Channel string
}

func PostWebhook(url string, msg *WebhookMessage) error { return nil }

func PostWebhookContext(ctx context.Context, url string, msg *WebhookMessage) error { return nil }
