package sinks

// These constants are used by sinks.go: values reach sinks through a
// constant declared in another file of the package.
const (
	oauthClientSecret = "Zr8Kq2vW9xPm4TnL7bYc" // want `client secret of oauth2.Config is a string literal \(through const oauthClientSecret\)`

	// Used only as a client ID: public, silent.
	oauthClientID = "1234567890-abc.apps.example-client.com"

	// An environment-variable name, passed to os.Getenv: silent.
	secretEnv = "OAUTH_CLIENT_SECRET"
)
