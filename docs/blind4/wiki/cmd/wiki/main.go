// Command wiki serves the wiki.
package main

import (
	"crypto/rsa"
	"log"
	"os"

	"github.com/labstack/echo/v4"

	"example.com/blind4/wiki/internal/search"
	"example.com/blind4/wiki/internal/server"
	"example.com/blind4/wiki/internal/tokens"
)

func main() {
	e := echo.New()
	c := &tokens.Checker{Key: &rsa.PublicKey{}, LegacyKey: &rsa.PublicKey{}, Issuer: os.Getenv("ISSUER"), Audience: "wiki"}
	ix := &search.Indexer{Base: os.Getenv("SEARCH_URL"), Token: os.Getenv("SEARCH_TOKEN"), WebhookURL: os.Getenv("CHAT_WEBHOOK_URL")}
	server.New(c, ix, os.Getenv("BOT_KEY"), os.Getenv("ADMIN_KEY")).Register(e)
	log.Fatal(e.StartTLS(":8443", "tls.crt", "tls.key"))
}
