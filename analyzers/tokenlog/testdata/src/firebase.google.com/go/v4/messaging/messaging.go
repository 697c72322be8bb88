// Package messaging is a stub of firebase.google.com/go/v4/messaging
// for tests.
package messaging

import "context"

type Message struct {
	Data  map[string]string
	Token string
	Topic string
}

type MulticastMessage struct {
	Tokens []string
	Data   map[string]string
}

type SendResponse struct {
	Success bool
	Error   error
}

type BatchResponse struct {
	FailureCount int
	Responses    []*SendResponse
}

type Client struct{}

func (c *Client) SendEach(ctx context.Context, messages []*Message) (*BatchResponse, error) {
	return nil, nil
}

func IsUnregistered(err error) bool { return false }
