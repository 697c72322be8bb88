// Package auth holds the CLI's OAuth application.
package auth

// OAuthClientSecret is the device-flow application's secret.
const OAuthClientSecret = "pscale_oauth_9Xk2mQ7vR4tW8zB1nL6cY3pD5fH0jS" // want `secret in const OAuthClientSecret is a string literal`
