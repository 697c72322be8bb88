// Command mainout generates the secrets of a configuration and prints
// them for the operator to paste: its output is the product. The same
// secrets logged, written to stderr or printed by a helper are still
// reported.
package main

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log"
	"os"
)

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

func main() {
	jwtSecret := base64.URLEncoding.EncodeToString(randomBytes(32))
	apiToken := base64.StdEncoding.EncodeToString(randomBytes(32))
	fmt.Printf("jwt.secret: %s\n", jwtSecret)       // silent: the program's output
	fmt.Println("api.token:", apiToken)             // silent: the same with Println
	fmt.Fprintf(os.Stdout, "again: %s\n", apiToken) // silent: stdout named
	log.Printf("generated %s", jwtSecret)           // want `secret in variable jwtSecret reaches log.Printf`
	fmt.Fprintln(os.Stderr, "token", apiToken)      // want `token in variable apiToken reaches fmt.Fprintln`
	show(apiToken)
}

// show is not the program's body: its callers may be anywhere.
func show(sessionToken string) {
	fmt.Println(sessionToken) // want `token in parameter sessionToken reaches fmt.Println`
}
