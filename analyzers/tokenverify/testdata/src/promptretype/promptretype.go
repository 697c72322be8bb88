// Package promptretype: a password the user types at a terminal prompt
// is the user's own input, not a stored secret. Comparing it with a
// second typed copy checks a retype; comparing what the user types
// with a stored or configured password is still a credential check.
package promptretype

import (
	"errors"
	"io"

	"promptretype/cmdio"

	"github.com/manifoldco/promptui"
	"golang.org/x/term"
)

var errMismatch = errors.New("passwords do not match")

type config struct {
	AdminPassword string
}

type vault struct{}

// Secret returns the stored secret of a name.
func (vault) Secret(name string) (string, error) { return "", nil }

// Near miss: the retyped password against the first one typed
// (photoprism's users add command).
func addUser() error {
	prompt := promptui.Prompt{Label: "Password", Mask: '*'}
	resPasswd, err := prompt.Run()
	if err != nil {
		return err
	}
	validateRetype := func(input string) error {
		if input != resPasswd {
			return errMismatch
		}
		return nil
	}
	confirm := promptui.Prompt{Label: "Retype Password", Mask: '*', Validate: validateRetype}
	_, err = confirm.Run()
	return err
}

// Near miss: the same with the prompt's result in a parameter-free
// check of its own.
func changePassword(set func(string)) error {
	first := promptui.Prompt{Label: "New password", Mask: '*'}
	newPasswd, err := first.Run()
	if err != nil {
		return err
	}
	again := promptui.Prompt{Label: "Again", Mask: '*'}
	retyped, err := again.Run()
	if err != nil {
		return err
	}
	if retyped != newPasswd {
		return errMismatch
	}
	set(newPasswd)
	return nil
}

// Near miss: two passwords read without echo from the terminal.
func readTwice(verify func(string) error) error {
	p1, err := term.ReadPassword(0)
	if err != nil {
		return err
	}
	check := func(typed string) error {
		if typed != string(p1) {
			return errMismatch
		}
		return nil
	}
	p2, _ := term.ReadPassword(0)
	return check(string(p2))
}

// Positive: what the user types at the prompt against the configured
// admin password.
func unlock(cfg *config) error {
	validate := func(input string) error {
		if input != cfg.AdminPassword { // want `password in field AdminPassword compared with !=`
			return errors.New("wrong password")
		}
		return nil
	}
	p := promptui.Prompt{Label: "Admin password", Mask: '*', Validate: validate}
	_, err := p.Run()
	return err
}

// Positive: a typed password against one a store method returns.
func login(v vault) error {
	adminPassword, err := v.Secret("admin")
	if err != nil {
		return err
	}
	check := func(input string) error {
		if input != adminPassword { // want `password in variable adminPassword compared with !=`
			return errors.New("wrong password")
		}
		return nil
	}
	p := promptui.Prompt{Label: "Password", Mask: '*', Validate: check}
	_, err = p.Run()
	return err
}

type cmdContext struct {
	Stdin io.Reader
}

// Near miss: the password and its confirmation, two reads by the same
// call on the same input (tsuru's root-user create).
func createRoot(c *cmdContext) error {
	var confirm, password string
	var err error
	password, err = cmdio.PasswordFromReader(c.Stdin)
	if err != nil {
		return err
	}
	confirm, err = cmdio.PasswordFromReader(c.Stdin)
	if err != nil {
		return err
	}
	if password != confirm {
		return errMismatch
	}
	return nil
}

// The same reader's value against a configured password is a check.
func loginRoot(c *cmdContext, cfg config) error {
	password, err := cmdio.PasswordFromReader(c.Stdin)
	if err != nil {
		return err
	}
	if password != cfg.AdminPassword { // want `compared with !=`
		return errMismatch
	}
	return nil
}
