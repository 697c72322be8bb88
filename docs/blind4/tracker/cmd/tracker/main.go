// Command tracker serves the issue tracker.
package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/lestrrat-go/jwx/v2/jwk"
	"golang.org/x/oauth2"

	"example.com/blind4/tracker/internal/gitlab"
	"example.com/blind4/tracker/internal/httpd"
)

func main() {
	keys, err := jwk.Fetch(context.Background(), os.Getenv("JWKS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	oc := &oauth2.Config{ClientID: os.Getenv("GITLAB_CLIENT_ID"), ClientSecret: os.Getenv("GITLAB_CLIENT_SECRET"),
		Endpoint: oauth2.Endpoint{AuthURL: os.Getenv("GITLAB_URL") + "/oauth/authorize", TokenURL: os.Getenv("GITLAB_URL") + "/oauth/token"},
		Scopes:   []string{"read_api"}}
	gl := &gitlab.Client{Base: os.Getenv("GITLAB_URL"), Token: os.Getenv("GITLAB_TOKEN"), TokenInQuery: os.Getenv("GITLAB_TOKEN_IN_QUERY") != "", HTTP: http.DefaultClient}
	log.Fatal(http.ListenAndServe(":8080", httpd.New(keys, []byte(os.Getenv("CHAT_HOOK_KEY")), oc, gl).Router()))
}
