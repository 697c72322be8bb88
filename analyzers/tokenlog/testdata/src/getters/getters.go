// Package getters has hand-written getters whose bodies tokenlog reads:
// their facts decide at callers in other packages, not the naming
// convention.
package getters

import "fmt"

type Credentials struct {
	User     string
	Password string
	Token    string
}

// GetPassword returns the field: its fact says so.
func (c *Credentials) GetPassword() string { // want GetPassword:`result 0 is password in field Password`
	return c.Password
}

// GetToken redacts: an empty fact tells callers it returns no
// credential, whatever its name and the field it is named after.
func (c *Credentials) GetToken() string { // want GetToken:`tokenlog\(\)`
	if len(c.Token) < 4 {
		return "[redacted]"
	}
	return c.Token[:4] + "…"
}

// GetUser is no credential by its field.
func (c *Credentials) GetUser() string { return c.User }

// Describe is used so that the package imports fmt (and is analyzed).
func (c *Credentials) Describe() string { return fmt.Sprintf("user %s", c.User) }
