// Command shop serves the shop.
package main

import (
	"log"
	"os"

	"github.com/gin-gonic/gin"

	"example.com/blind4/shop/internal/api"
	"example.com/blind4/shop/internal/store"
)

func main() {
	r := gin.New()
	s := &api.Server{Store: store.New(), SessionKey: []byte(os.Getenv("SESSION_KEY")), WebhookSecret: []byte(os.Getenv("PAYMENTS_WEBHOOK_SECRET")), CarrierSecret: os.Getenv("CARRIER_SECRET")}
	s.Routes(r)
	log.Fatal(r.Run(":8080"))
}
