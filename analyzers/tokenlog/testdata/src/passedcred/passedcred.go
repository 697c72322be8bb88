// Package passedcred: a value the function hands to a credential-named
// parameter is a credential on that path, whatever it is called
// (passedcred.go); the same value on another path, or handed to a
// parameter named otherwise, is not.
package passedcred

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
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
