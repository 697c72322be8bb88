// Package keyname keeps the names under which sessions and caches store
// values. A name spelled with a protocol's version ("oauth2", "http2")
// is still a name; a value with digits inside its runs is judged as a
// secret.
package keyname

var (
	// Silent: the session entry that holds the user.
	UserSessionKey = "go_oauth2_server_user"
	// Silent: another name with a protocol's version.
	PushSessionKey = "relay-http2-session"
)

// Near misses: digits inside the runs, and a value of one run.
const (
	signingKey = "q7xk_9kfz2m_p3lw8t_z1" // want `secret in const signingKey is a string literal`
	sessionKey = "hunter2Xq9vLmZ7pK3rT"  // want `secret in const sessionKey is a string literal`
)

var _ = []string{signingKey, sessionKey}
