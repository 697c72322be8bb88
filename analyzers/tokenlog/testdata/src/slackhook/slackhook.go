// Package slackhook: the URL of a Slack incoming webhook is its token;
// a field the package posts to with slack-go holds one wherever it is
// logged. Other fields, and URLs posted to other places, do not.
package slackhook

import (
	"context"
	"log"

	"github.com/slack-go/slack"
)

type PluginConfig struct {
	Name    string
	Webhook string
	Channel string
}

type Status struct{ URL string }

func notify(ctx context.Context, cfg PluginConfig, text string) error {
	log.Printf("posting to %s webhook", cfg.Webhook)       // want `credential in field Webhook \(sent as the URL of slack.PostWebhookContext, an incoming webhook's token at slackhook.go:\d+\) reaches log.Printf`
	log.Printf("channel %s for %s", cfg.Channel, cfg.Name) // silent: channel and name
	return slack.PostWebhookContext(ctx, cfg.Webhook, &slack.WebhookMessage{Text: text, Channel: cfg.Channel})
}

func status(s Status) {
	log.Printf("status page %s", s.URL) // silent: a URL the package posts nothing to
}
