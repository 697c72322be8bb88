// Package fmtcase prints tokens in the output format a command's user
// chose: each format's print is the command's output, even though the
// command that calls these helpers lives in another package.
package fmtcase

import (
	"fmt"
	"log"
	"os"

	"golang.org/x/oauth2"
)

const (
	formatBare    = "bare"
	formatHeader  = "header"
	formatJSON    = "json"
	formatRefresh = "refresh_token"
)

// Near miss: every print runs for one chosen output format.
func printToken(token *oauth2.Token, format string) {
	switch format {
	case formatBare:
		fmt.Println(token.AccessToken)
	case formatHeader:
		printHeader(token.TokenType, token.AccessToken)
	case formatJSON:
		fmt.Printf("{\"access_token\": %q}\n", token.AccessToken)
	case formatRefresh:
		fmt.Println(token.RefreshToken)
	default:
		log.Fatalf("invalid output format %q", format)
	}
}

func printHeader(tokenType, token string) {
	fmt.Println("Authorization: " + tokenType + " " + token)
}

// fetch hands the token to the printer; the helper's prints are one
// output format each.
func fetch(src oauth2.TokenSource, format string) {
	tok, err := src.Token()
	if err != nil {
		return
	}
	printToken(tok, format)
}

// Near miss: an if on the format decides the same way.
func show(tok *oauth2.Token, output string) {
	if output == "json" {
		fmt.Printf("{\"token\": %q}\n", tok.AccessToken)
		return
	}
	fmt.Println(tok.AccessToken)
}

// Positive: a print after the switch runs whatever the format.
func afterSwitch(tok *oauth2.Token, format string) {
	switch format {
	case "json":
		fmt.Println("{}")
	case "text":
		fmt.Println("-")
	}
	fmt.Println("token:", tok.AccessToken) // want `reaches fmt.Println`
}

// Positive: a switch on something other than an output format.
func byKind(tok *oauth2.Token, kind string) {
	switch kind {
	case "bearer":
		fmt.Println(tok.AccessToken) // want `reaches fmt.Println`
	case "mac":
		fmt.Println("mac")
	}
}

// Positive: logs and stderr are judged as before, whatever the format.
func logged(tok *oauth2.Token, format string) {
	switch format {
	case "json":
		log.Printf("token %s", tok.AccessToken)           // want `reaches log.Printf`
		fmt.Fprintln(os.Stderr, "token", tok.AccessToken) // want `reaches fmt.Fprintln`
	}
}

// Positive: a helper also called outside a format's branch prints
// whatever the format.
func printSecret(secret string) {
	fmt.Println("secret: " + secret) // want `reaches fmt.Println`
}

func secrets(secret, format string) {
	if format == "text" {
		printSecret(secret)
	}
	printSecret(secret)
}
