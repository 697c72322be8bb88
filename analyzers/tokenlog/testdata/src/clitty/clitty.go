// Package clitty: a function that reads the person at the terminal
// (term.ReadPassword, fmt.Scan*, a reader or scanner on os.Stdin), or
// calls a function of the package that does, is talking to that person:
// what it prints to stdout is the conversation, not a log. Logs, stderr,
// and prints in functions that read nothing from the terminal are still
// reported.
package clitty

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"

	"golang.org/x/term"
)

func generatePassword() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func readSecret(prompt string) (string, error) {
	fmt.Print(prompt)
	b, err := term.ReadPassword(int(os.Stdin.Fd()))
	return string(b), err
}

// Not reported: the prompt asks for a password and shows the generated
// one when the person leaves it empty.
func promptForPassword() (string, error) {
	for {
		input, err := readSecret("New password (empty to generate one): ")
		if err != nil {
			return "", err
		}
		if input == "" {
			password := generatePassword()
			fmt.Printf("Generated random password: %s\n", password)
			return password, nil
		}
		return input, nil
	}
}

// Not reported: reads the answer with bufio on os.Stdin itself.
func confirmReset(password string) bool {
	fmt.Printf("Set the password to %s? [y/N] ", password)
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	return strings.TrimSpace(line) == "y"
}

// Not reported: fmt.Scanln reads the terminal.
func askToken() string {
	var apiToken string
	fmt.Print("Paste the API token: ")
	_, _ = fmt.Scanln(&apiToken)
	fmt.Printf("Using token %s\n", apiToken)
	return apiToken
}

// Not reported: a scanner on os.Stdin.
func rotate() {
	secret := generatePassword()
	s := bufio.NewScanner(os.Stdin)
	fmt.Printf("new secret: %s, press enter when saved\n", secret)
	s.Scan()
}

// Near misses (reported).

// A logger in the same conversation is a log.
func promptAndLog() {
	password, _ := readSecret("password: ")
	log.Printf("password %s", password) // want `password in variable password reaches log.Printf`
}

// stderr is where diagnostics go.
func promptToStderr() {
	password := generatePassword()
	_, _ = readSecret("confirm: ")
	fmt.Fprintf(os.Stderr, "password: %s\n", password) // want `password in variable password reaches fmt.Fprintf`
}

// No terminal read: a print in a function that talks to nobody.
func showPassword() {
	password := generatePassword()
	fmt.Printf("password: %s\n", password) // want `password in variable password reaches fmt.Printf`
}

// A reader on a file, not the terminal.
func fromFile(f *os.File) {
	password := generatePassword()
	_, _ = bufio.NewReader(f).ReadString('\n')
	fmt.Printf("password: %s\n", password) // want `password in variable password reaches fmt.Printf`
}

// A helper two calls away does not count: only the function or a
// function it calls directly.
func prompt2() (string, error) { return readSecret("> ") }

func twoDeep() {
	_, _ = prompt2()
	password := generatePassword()
	fmt.Printf("password: %s\n", password) // want `password in variable password reaches fmt.Printf`
}

// A server given its token on stdin: its stdout is its log.
func serveWithStdinToken() {
	apiToken, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	fmt.Printf("serving with token %s\n", apiToken) // want `token in variable apiToken reaches fmt.Printf`
	_ = http.ListenAndServe(":8080", nil)
}
