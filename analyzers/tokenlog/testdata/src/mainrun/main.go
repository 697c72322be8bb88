// Command mainrun moves its body out of main into run, which main
// alone calls: run's prints to stdout are the program's output, as
// main's are. A helper handed the text it prints, a function that also
// serves, a function some other function calls too, and logs are
// judged as before.
package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"
	"os"
)

func newKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
	serveAPI()
	report()
	audit()
}

func run() error {
	apiKey := newKey()
	fmt.Printf("Pre-auth key: %s\n", apiKey)  // silent: the program's output
	fmt.Fprintln(os.Stdout, "again:", apiKey) // silent: stdout named
	log.Printf("minted %s", apiKey)           // want `API key in variable apiKey reaches log.Printf`
	show(apiKey)
	return nil
}

// show prints what its callers hand it.
func show(sessionToken string) {
	fmt.Println(sessionToken) // want `token in parameter sessionToken reaches fmt.Println`
}

// serveAPI serves: its stdout is a server's log.
func serveAPI() {
	adminToken := newKey()
	fmt.Println("admin token:", adminToken) // want `token in variable adminToken reaches fmt.Println`
	_ = http.ListenAndServe("127.0.0.1:8080", nil)
}

// report is called by audit too, not by main alone.
func report() {
	apiToken := newKey()
	fmt.Println(apiToken) // want `token in variable apiToken reaches fmt.Println`
}

func audit() { report() }
