// Package pushtokens sends push notifications through Firebase. The
// device registration tokens it logs (read from messaging.Message, or
// collected from it, whatever the variables are called) are addresses;
// the credentials beside them are reported.
package pushtokens

import (
	"context"
	"net/http"

	"firebase.google.com/go/v4/messaging"
	"go.uber.org/zap"
)

type client struct {
	c        *messaging.Client
	logger   *zap.Logger
	apiToken string
}

func (c *client) sendMessages(messages []*messaging.Message) {
	var invalidTokens []string
	ng, err := c.sendOneChunk(messages)
	if err != nil {
		return
	}
	if len(ng) > 0 {
		invalidTokens = append(invalidTokens, ng...)
	}
	c.logger.Error("failed to delete device tokens", zap.Any("invalid_tokens", invalidTokens)) // silent: device addresses
}

func (c *client) sendOneChunk(messages []*messaging.Message) (invalidTokens []string, err error) {
	res, err := c.c.SendEach(context.Background(), messages)
	if err != nil {
		return nil, err
	}
	for i, v := range res.Responses {
		if v.Error == nil {
			continue
		}
		if messaging.IsUnregistered(v.Error) {
			invalidTokens = append(invalidTokens, messages[i].Token)
		} else {
			c.logger.Info("fcm send failed", zap.String("token", messages[i].Token)) // silent: a device address
		}
	}
	return invalidTokens, nil
}

func (c *client) collect(messages []*messaging.Message) {
	var tokens []string
	for _, m := range messages {
		tokens = append(tokens, m.Token)
	}
	c.logger.Info("sending", zap.Any("tokens", tokens)) // silent: device addresses
	for _, t := range tokens {
		c.logger.Info("to", zap.String("token", t)) // silent: a device address
	}
}

func (c *client) multicast(m *messaging.MulticastMessage) {
	for _, token := range m.Tokens {
		c.logger.Debug("sending to", zap.String("token", token)) // silent: a device address
	}
}

// Positives: a token that is not a device address, and a collection
// that mixes one in.
func (c *client) handler(r *http.Request, m *messaging.Message) {
	accessToken := r.Header.Get("Authorization")
	c.logger.Info("push requested", zap.String("token", accessToken)) // want `credentials from the Authorization header reaches zap.Logger.Info`

	token := m.Token
	if token == "" {
		token = c.apiToken
	}
	c.logger.Info("push", zap.String("token", token)) // want `token in field apiToken reaches zap.Logger.Info`
}
