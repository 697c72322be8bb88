// Package embedvar prints a template that //go:embed fills: the file,
// not a credential. A credential-named package variable set at run
// time is still one.
package embedvar

import (
	"fmt"
	"os"

	"embedvar/scaffold"
)

// The scaffold command prints the template.
func printTemplate() {
	fmt.Println(scaffold.Credential)
}

func load() { scaffold.Secret = os.Getenv("APP_SECRET") }

// Near miss: a variable of the same package, set at run time.
func printSecret() {
	fmt.Println(scaffold.Secret) // want `secret in package variable Secret reaches fmt.Println`
}
