// Package clistate is a command-line tool that prints the authorization
// URL and reads back the code the user pastes: no callback receives the
// authorization response, so a constant state protects nothing and is
// left alone (shoutrrr's XOAuth2 generator). A tool of this kind that
// serves its own loopback callback is in package state's fixtures.
package clistate

import (
	"context"
	"fmt"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{ClientID: "id", RedirectURL: "urn:ietf:wg:oauth:2.0:oob"}

func generate(ctx context.Context) (*oauth2.Token, error) {
	fmt.Printf("Visit the following URL to authenticate:\n%s\n\n", conf.AuthCodeURL(""))
	var code string
	if _, err := fmt.Scanln(&code); err != nil {
		return nil, err
	}
	return conf.Exchange(ctx, code)
}
