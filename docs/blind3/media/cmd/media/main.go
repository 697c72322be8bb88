// Command media serves the media API.
package main

import (
	"log"
	"os"

	"example.com/blind3/media/internal/web"
)

func main() {
	app := web.NewApp([]byte(os.Getenv("JWT_KEY")))
	log.Fatal(app.Router().Run(":8080"))
}
