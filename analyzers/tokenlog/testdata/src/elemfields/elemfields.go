// Package elemfields: taint per field through slices of struct
// literals and range (issue 15, class E).
package elemfields

import (
	"errors"
	"fmt"
	"log"
	"os"
)

type OAuth2Config struct {
	ClientID     string
	ClientSecret string
	AuthURL      string
}

func load() *OAuth2Config {
	return &OAuth2Config{ClientID: "id", ClientSecret: os.Getenv("OAUTH_CLIENT_SECRET"), AuthURL: "https://auth.example.com"}
}

// validate names the missing field by its constant label.
func validate() error {
	config := load()
	required := []struct {
		name  string
		value string
	}{
		{name: "clientId", value: config.ClientID},
		{name: "clientSecret", value: config.ClientSecret},
		{name: "authUrl", value: config.AuthURL},
	}
	for _, field := range required {
		if field.value == "" {
			return fmt.Errorf("config.oauth2Config.%s is required", field.name) // the label, not the value
		}
	}
	for _, field := range []struct {
		name  string
		value string
	}{
		{name: "clientSecret", value: config.ClientSecret},
	} {
		if len(field.value) < 8 {
			return fmt.Errorf("%s is too short", field.name) // the label again
		}
		log.Printf("checked %s", field.name) // and in a log
	}
	return nil
}

// leak puts the value itself in the error.
func leak() error {
	config := load()
	required := []struct {
		name  string
		value string
	}{
		{name: "clientSecret", value: config.ClientSecret},
	}
	for _, field := range required {
		if field.value != "" {
			return fmt.Errorf("bad %s: %s", field.name, field.value) // want `client secret from environment variable OAUTH_CLIENT_SECRET returned by load is put in an error message by fmt.Errorf`
		}
	}
	for i := range required {
		log.Printf("value %s", required[i].value) // want `client secret from environment variable OAUTH_CLIENT_SECRET returned by load reaches log.Printf`
	}
	log.Printf("all %v", required) // want `client secret from environment variable OAUTH_CLIENT_SECRET returned by load reaches log.Printf`
	return errors.New("x")
}
