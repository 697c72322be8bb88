// Package termlibs: the prompt libraries of the shared terminal table
// (internal/terminal: promptui, gopass, speakeasy, prompter, promptkit)
// read the person at the terminal as x/term, fmt.Scan* and bufio on
// os.Stdin do. A function that calls one, or calls a function of its
// package that does, is talking to that person: what it prints to
// stdout is the conversation, not a log. Logs, stderr, a prompt only
// built and never run, and a prompt two calls away are still reported.
package termlibs

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/Songmu/prompter"
	"github.com/bgentry/speakeasy"
	"github.com/erikgeiser/promptkit/textinput"
	"github.com/howeyc/gopass"
	"github.com/manifoldco/promptui"
)

func generatePassword() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Not reported: promptui's prompt asks, the generated password is shown
// when the answer is empty.
func promptuiAsk() string {
	p := promptui.Prompt{Label: "Password (empty to generate)", Mask: '*'}
	answer, _ := p.Run()
	if answer == "" {
		password := generatePassword()
		fmt.Printf("Generated password: %s\n", password)
		return password
	}
	return answer
}

// Not reported: promptui's selection.
func promptuiSelect() {
	password := generatePassword()
	s := promptui.Select{Label: "Store the password?", Items: []string{"yes", "no"}}
	fmt.Printf("new password: %s\n", password)
	_, _, _ = s.Run()
}

// Not reported: gopass reads a password without echo.
func gopassAsk() {
	_, _ = gopass.GetPasswdMasked()
	password := generatePassword()
	fmt.Printf("Your new password: %s\n", password)
}

// Not reported: speakeasy asks.
func speakeasyAsk() {
	password := generatePassword()
	fmt.Printf("Password: %s\n", password)
	_, _ = speakeasy.Ask("Press enter when saved")
}

// Not reported: prompter's password and prompt.
func prompterAsk() {
	_ = prompter.Password("Current password")
	password := generatePassword()
	fmt.Println("new password:", password)
	_ = prompter.Prompt("Saved?", "y")
}

// Not reported: promptkit's text input.
func promptkitAsk() {
	in := textinput.New("Password")
	_, _ = in.RunPrompt()
	password := generatePassword()
	fmt.Printf("password: %s\n", password)
}

// Not reported: a helper of the package reads the terminal.
func readSecret() string {
	s, _ := speakeasy.Ask("secret: ")
	return s
}

func rotate() {
	_ = readSecret()
	password := generatePassword()
	fmt.Printf("password: %s\n", password)
}

// Near misses (reported).

// A logger in the same conversation is a log.
func gopassLog() {
	password, _ := gopass.GetPasswd()
	log.Printf("password %s", password) // want `password in variable password reaches log.Printf`
}

// stderr is where diagnostics go.
func speakeasyStderr() {
	password := generatePassword()
	_, _ = speakeasy.Ask("confirm: ")
	fmt.Fprintf(os.Stderr, "password: %s\n", password) // want `password in variable password reaches fmt.Fprintf`
}

// A prompt built and never run reads nothing.
func promptNotRun() *promptui.Prompt {
	p := &promptui.Prompt{Label: "Password"}
	password := generatePassword()
	fmt.Printf("password: %s\n", password) // want `password in variable password reaches fmt.Printf`
	return p
}

// A prompt two calls away does not count.
func ask2() string { return readSecret() }

func twoDeep() {
	_ = ask2()
	password := generatePassword()
	fmt.Printf("password: %s\n", password) // want `password in variable password reaches fmt.Printf`
}

// What prompter.Prompt returns, printed to a logger, is logged.
func prompterLog() {
	apiToken := prompter.Prompt("API token", "")
	log.Println("using token", apiToken) // want `token in variable apiToken reaches log.Println`
}

// A server asks for its admin password at start: its stdout is its log.
func serveAfterPrompt() {
	adminPassword, _ := gopass.GetPasswd()
	fmt.Printf("admin password: %s\n", adminPassword) // want `password in variable adminPassword reaches fmt.Printf`
	_ = http.ListenAndServe(":8080", nil)
}
