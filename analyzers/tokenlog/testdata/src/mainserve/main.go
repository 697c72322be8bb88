// Command mainserve prints its token at start-up and then serves: a
// server's stdout is its log.
package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	adminToken := os.Getenv("ADMIN_TOKEN")
	fmt.Printf("admin token: %s\n", adminToken) // want `token from environment variable ADMIN_TOKEN reaches fmt.Printf`
	_ = http.ListenAndServe(":8080", nil)
}
