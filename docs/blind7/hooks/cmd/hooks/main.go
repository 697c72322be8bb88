// Command hooks receives and sends webhooks.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"

	"example.com/blind7/hooks/internal/inbound"
)

func main() {
	rc := &inbound.Receiver{
		S: inbound.Secrets{
			GitHub: os.Getenv("GITHUB_WEBHOOK_SECRET"), GitLab: os.Getenv("GITLAB_TOKEN"),
			Stripe: os.Getenv("STRIPE_WEBHOOK_SECRET"), Slack: os.Getenv("SLACK_SIGNING_SECRET"),
			SlackVerifTok: os.Getenv("SLACK_VERIFICATION_TOKEN"), Twilio: os.Getenv("TWILIO_AUTH_TOKEN"),
		},
		Enqueue: func(source, kind string, body []byte) {},
	}
	r := chi.NewRouter()
	r.Post("/hooks/github", rc.GitHub)
	r.Post("/hooks/github-app", rc.GitHubApp)
	r.Post("/hooks/gitlab", rc.GitLab)
	r.Post("/hooks/stripe", rc.Stripe)
	r.Post("/hooks/stripe-connect", rc.StripeConnect)
	r.Post("/hooks/slack/events", rc.Slack)
	r.Post("/hooks/slack/commands", rc.SlackCommand)
	r.Post("/hooks/twilio", rc.Twilio)
	r.Post("/hooks/twilio/v2", rc.TwilioV2)
	log.Fatal(http.ListenAndServe(":8081", r))
}
