// Package filledlocal logs local variables named like credentials that a
// call fills through their address.
package filledlocal

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
)

func positives(user string, body []byte) {
	var pw string
	if _, err := fmt.Scanln(&pw); err != nil {
		return
	}
	log.Printf("login failed for %s (password %q)", user, pw) // want `password in variable pw reaches log.Printf`
	var apiToken string
	flag.StringVar(&apiToken, "token", "", "API token")
	flag.Parse()
	log.Printf("using %s", apiToken) // want `token in variable apiToken reaches log.Printf`
	var secret string
	_ = json.Unmarshal(body, &secret)
	log.Print(secret) // want `secret in variable secret reaches log.Print`
}

func nearMisses(body []byte) {
	var username string
	fmt.Scanln(&username)
	log.Printf("user %s", username) // silent: not a credential name
	var tokenType string
	_ = json.Unmarshal(body, &tokenType)
	log.Printf("type %s", tokenType) // silent: about a token, not one
	var pw string
	fmt.Scanln(&pw)
	log.Printf("password of %d characters", len(pw)) // silent: a length
	var tokenTTL string
	flag.StringVar(&tokenTTL, "token-ttl", "1h", "token lifetime")
	log.Printf("ttl %s", tokenTTL) // silent: about a token, not one
}
