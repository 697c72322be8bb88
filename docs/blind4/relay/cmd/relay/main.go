// Command relay serves the notification relay.
package main

import (
	"log"
	"os"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"example.com/blind4/relay/internal/app"
	"example.com/blind4/relay/internal/push"
)

func main() {
	p := &push.Providers{SMSBase: os.Getenv("SMS_URL"), SMSKey: os.Getenv("SMS_KEY"), PushToken: os.Getenv("PUSH_TOKEN"),
		TelegramToken: os.Getenv("TELEGRAM_TOKEN"), TicketKey: []byte(os.Getenv("TICKET_KEY")), Mailer: &fasthttp.Client{}}
	f := fiber.New()
	app.New(p, []byte(os.Getenv("DEVICE_KEY")), os.Getenv("SMS_INBOUND_SECRET")).Routes(f)
	log.Fatal(f.ListenTLS(":8443", "tls.crt", "tls.key"))
}
