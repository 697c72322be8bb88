// Package freshprint: a credential a function generates at random and
// prints to stdout is delivered to the operator who ran it: a note
// (tokenlog/print-generated). The same value logged or written to
// stderr, printed by a function that serves, one generated elsewhere,
// and one read from configuration are warnings.
package freshprint

import (
	"fmt"
	"log"
	"math/rand/v2"
	"net/http"
	"os"

	"randlib"
)

var (
	credentialUsername string
	credentialPassword string
	adminPassword      string
)

type config struct{ Password string }

func letters(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + rand.IntN(26))
	}
	return string(b)
}

// Gokapi's --reconfigure banner.
func runConfigModification() {
	credentialUsername = randlib.GenerateRandomString(6)
	credentialPassword = randlib.GenerateRandomString(10)
	fmt.Println("Use the following credentials for modifying the configuration:")
	fmt.Println("Username: " + credentialUsername)
	fmt.Println("Password: " + credentialPassword) // want `password in variable credentialPassword reaches fmt.Println: this function generated it at random`
	serve()
}

func resetPassword() {
	password := letters(12)
	fmt.Printf("The new password is %s\n", password) // want `password in variable password reaches fmt.Printf: this function generated it`
}

// Near misses: reported.

func loggedFresh() {
	password := randlib.GenerateRandomString(12)
	log.Printf("initialized with password %s", password) // want `password in variable password reaches log.Printf`
}

func toStderr() {
	password := letters(12)
	fmt.Fprintln(os.Stderr, "password:", password) // want `password in variable password reaches fmt.Fprintln`
}

func initAdmin() { adminPassword = randlib.GenerateRandomString(16) }

// Generated in another function: whoever prints it did not make it.
func printAdmin() {
	fmt.Println("admin password: " + adminPassword) // want `password in package variable adminPassword reaches fmt.Println`
}

func fromConfig(c *config) {
	fmt.Println("password: " + c.Password) // want `password in field Password reaches fmt.Println`
}

func mixed(c *config) {
	password := letters(4) + c.Password
	fmt.Println(password) // want `password in field Password reaches fmt.Println`
}

func notRandom() {
	password := randlib.NewPassword("hunter")
	fmt.Println(password) // want `password in variable password reaches fmt.Println`
}

// A function that serves: its stdout is a server's log.
func firstStart() {
	password := letters(12)
	fmt.Println("admin password: " + password) // want `password in variable password reaches fmt.Println$`
	_ = http.ListenAndServe("127.0.0.1:8080", nil)
}

func serve() {}
