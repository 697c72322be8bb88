// Command maintable dispatches its subcommands through its own tables.
// A command that creates a credential prints it for the operator: its
// output is the product. The serving command, a helper also called
// directly, a command handed text and a function listed without a name
// are judged as before.
package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"
	"os"
)

type cmd struct {
	args []string
}

var commands = []struct {
	name string
	fn   func(c *cmd)
}{
	{"quickstart", cmdQuickstart},
	{"serve", cmdServe},
	{"token", cmdToken},
}

var tools = map[string]func(args []string){
	"genkey": toolGenkey,
	"show":   toolShow,
}

var echoes = map[string]func(text string){
	"echo": echo,
}

var hooks = []func(){printStartup}

func generatePassword() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func cmdQuickstart(c *cmd) {
	password := generatePassword()
	fmt.Printf("account password: %s\n", password) // silent: the command's output
	log.Printf("set password %s", password)        // want `password in variable password reaches log.Printf`
}

func cmdServe(c *cmd) {
	apiToken := generatePassword()
	fmt.Printf("admin token: %s\n", apiToken) // want `token in variable apiToken reaches fmt.Printf`
	_ = http.ListenAndServe(":8080", nil)
}

func cmdToken(c *cmd) {
	secret := generatePassword()
	fmt.Println("secret:", secret) // want `secret in variable secret reaches fmt.Println`
}

func toolGenkey(args []string) {
	apiKey := generatePassword()
	fmt.Println(apiKey)                        // silent: the command's output
	fmt.Fprintln(os.Stderr, "api key", apiKey) // want `key in variable apiKey reaches fmt.Fprintln`
}

func toolShow(args []string) {
	sessionToken := generatePassword()
	fmt.Println(sessionToken) // silent: the command's output
}

func echo(token string) {
	fmt.Println(token) // want `token in parameter token reaches fmt.Println`
}

func printStartup() {
	clientSecret := generatePassword()
	fmt.Println(clientSecret) // want `secret in variable clientSecret reaches fmt.Println`
}

func main() {
	c := &cmd{args: os.Args[2:]}
	for _, e := range commands {
		if e.name == os.Args[1] {
			e.fn(c)
		}
	}
	if f, ok := tools[os.Args[1]]; ok {
		f(os.Args[2:])
	}
	for _, h := range hooks {
		h()
	}
	cmdToken(c)
	echoes["echo"](os.Args[2])
	_ = http.ListenAndServe(":9090", nil)
}
