package settercfg

// settercfg is a configuration package whose GUI settings store the
// password hashed, through a setter.

import "crypto/sha256"

type GUI struct {
	User     string
	Password string
}

func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return string(h[:])
}

// SetPassword stores a new password, hashed.
func (c *GUI) SetPassword(pw string) error {
	c.Password = hash(pw)
	return nil
}

// Audit records an attempt; it stores nothing.
func (c *GUI) Audit(pw string) error { return nil }
