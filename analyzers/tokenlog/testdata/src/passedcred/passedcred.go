// Package passedcred: a value the function hands to a credential-named
// parameter, or stores into a field holding a credential, is a
// credential on that path, whatever it is called (passedcred.go); the
// same value on another path, or handed to a parameter or field named
// otherwise, is not.
package passedcred

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
)

type User struct{ Name string }

func userByAccessToken(ctx context.Context, token string) (*User, error) { return nil, nil }
func userByName(ctx context.Context, username string) (*User, error)     { return nil, nil }
func verifyAPIKey(apiKey string) bool                                    { return apiKey != "" }
func login(user, password string) error                                  { return nil }
func decodePageToken(token string) int                                   { return len(token) }
func checkHash(hashedPassword string) bool                               { return hashedPassword != "" }
func readLine() string                                                   { return "" }
func hashAPIToken(token string) string                                   { return token }

// soft-serve's shape: the user-name half of basic auth used as a token.
func parseUsernamePassword(ctx context.Context, username, password string) (*User, error) {
	if username != "" && password != "" {
		u, err := userByAccessToken(ctx, password)
		if err == nil {
			return u, nil
		}
		// Near miss: here the password is the token; the user name is
		// only logged.
		slog.Error("invalid password or token", "username", username, "err", err)
		return nil, errors.New("invalid")
	} else if username != "" {
		slog.Debug("trying to authenticate using access token as username", "username", username) // want `token passed as parameter token of passedcred.userByAccessToken reaches`
		return userByAccessToken(ctx, username)
	}
	return nil, errors.New("no user")
}

// The check dominates the log.
func checkKey(k string) bool {
	if !verifyAPIKey(k) {
		log.Printf("rejected key %s", k) // want `API key passed as parameter apiKey of passedcred.verifyAPIKey reaches log.Printf`
		return false
	}
	return true
}

// A local read from input, logged and then used as a password.
func interactive(user string) error {
	v := readLine()
	log.Println("read", v) // want `password passed as parameter password of passedcred.login reaches log.Println`
	return login(user, v)
}

// Near misses.

// Logged in one branch, passed as a token in the other.
func branches(ctx context.Context, s string, asToken bool) {
	if asToken {
		userByAccessToken(ctx, s)
	} else {
		log.Printf("looking up %s", s)
	}
}

// Passed to a parameter named as a user.
func byName(ctx context.Context, s string) {
	log.Printf("user %s", s)
	userByName(ctx, s)
}

// Passed to a cursor parameter.
func page(s string) int {
	log.Printf("page %s", s)
	return decodePageToken(s)
}

// Passed to a hash-named parameter.
func stored(s string) bool {
	log.Printf("stored %s", s)
	return checkHash(s)
}

// The user name logged, the password passed.
func both(user, pass string) error {
	log.Printf("login %s", user)
	return login(user, pass)
}

// Printed to the console, not logged: an installer showing the token it
// generated and stored hashed (listmonk's shape).
func install() {
	tk := readLine()
	_ = hashAPIToken(tk)
	fmt.Fprintf(os.Stderr, "export ADMIN_API_TOKEN=%q\n", tk)
}

// --- stored into a credential field ---

type patTransport struct{ pat string }

func (t patTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Designhub-Token", t.pat)
	return http.DefaultTransport.RoundTrip(r)
}

type session struct {
	Name        string
	AccessToken string
	TokenHash   string
}

// A client built around a value its transport sends as a token header:
// the value is the token (figplug's personal access token).
func personalAccessClient(pat string, lg *slog.Logger) patTransport {
	lg.Info("export job uses personal access token", "pat", pat) // want `token stored in field pat \(sent as the X-Designhub-Token header at passedcred.go:\d+\) reaches slog.Logger.Info`
	return patTransport{pat: pat}
}

// A value stored into a field named as a credential.
func newSession(name, v string) *session {
	log.Printf("new session %s with %s", name, v) // want `token stored in field AccessToken reaches log.Printf`
	return &session{Name: name, AccessToken: v}
}

// Near misses: the value stored in a plain field, a hash field, or the
// credential field on another path.
func newNamed(name, v string) *session {
	log.Printf("new session %s", name) // silent: Name holds no credential
	return &session{Name: name, TokenHash: v}
}

func hashOnly(v string) *session {
	log.Printf("hash %s", v) // silent: a hash field
	return &session{TokenHash: v}
}

func otherPath(v string, asToken bool) *session {
	if asToken {
		return &session{AccessToken: v}
	}
	log.Printf("plain value %s", v) // silent: stored as a token only on the other path
	return &session{Name: v}
}
