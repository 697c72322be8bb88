// Package urlparam builds URLs by hand. The value after a credential's
// query or fragment parameter ("?access_token=", "#token=") is a
// credential wherever the URL is then printed; a generic or public
// parameter, a constant value and a URL the program never prints are
// left alone.
package urlparam

import (
	"errors"
	"fmt"
	"log"
	"net/http"
)

type TokenResponse struct {
	KeyID string
}

// An identity broker hands the issued key to the browser in the
// fragment and logs the URL.
func fragment(returnURL string, resp TokenResponse) {
	cleanURL := returnURL + "#token=" + resp.KeyID
	log.Println("--> URL is: ", cleanURL) // want `token stored under query parameter "token" reaches log.Println`
}

func concatQuery(base, v string) error {
	u := base + "/v1/items?limit=10&access_token=" + v
	return errors.New("cannot fetch " + u) // want `token stored under query parameter "access_token" is put in an error message by errors.New`
}

func sprintfQuery(base, k string) {
	u := fmt.Sprintf("%s/search?q=%s&api_key=%s", base, "go", k)
	log.Printf("calling %s", u) // want `API key stored under query parameter "api_key" reaches log.Printf`
}

// Near misses.

// A public parameter (client_id, state, page) carries no secret.
func publicParams(base, id, state string) {
	u := base + "?client_id=" + id + "&state=" + state
	log.Println("authorize at", u)
	log.Printf("%s?page=%s", base, id)
}

// Generic keys ("key", "sig") say nothing about the value.
func genericKeys(base, k, s string) {
	log.Println(base + "?key=" + k)
	log.Printf("%s?sig=%s", base, s)
}

// A constant value is no secret; the operand before "=" is the name.
func constantValue(base string) {
	log.Println(base + "?access_token=" + "REDACTED")
	log.Printf("%s?access_token=%s", base, "***")
}

// Only the operand right after "name=" is the credential: the base URL
// before it and the path are not.
func operandBefore(base, v string) {
	u := fmt.Sprintf("%s?access_token=%s", base, v)
	log.Println("base was", base)
	_ = u
}

// Built and sent, never printed.
func sentOnly(base, v string) (*http.Response, error) {
	return http.Get(base + "?access_token=" + v)
}

// "=" inside a path segment is no query parameter.
func pathSegment(base, v string) {
	log.Println(base + "/token=" + v)
}
