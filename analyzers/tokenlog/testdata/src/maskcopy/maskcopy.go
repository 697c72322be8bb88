// Package maskcopy: configurations logged through a helper that returns
// a masked copy. The copy prints the masks when every credential field
// that may be set at each return holds a constant or the result of a
// masking function there; a helper that leaves one credential, or fills
// it from anything but a mask, is reported.
package maskcopy

import "log"

type DB struct {
	Host     string
	Password string
}

type Config struct {
	Name       string
	DB         DB
	SigningKey string
}

var global Config

// redact returns its argument only when it is empty.
func redact(s string) string {
	if s == "" {
		return s
	}
	return "[redacted]"
}

// keepShort is no mask: it returns the value itself.
func keepShort(s string) string {
	if len(s) > 64 {
		return "[long]"
	}
	return s
}

func redactedGlobal() Config {
	c := global
	c.DB.Password = redact(c.DB.Password)
	c.SigningKey = redact(c.SigningKey)
	return c
}

func (c *Config) redacted() Config {
	m := *c
	if m.SigningKey != "" {
		m.SigningKey = "[redacted]"
	}
	m.DB.Password = "***"
	return m
}

// Forgets SigningKey.
func (c *Config) halfRedacted() Config {
	m := *c
	m.DB.Password = "***"
	return m
}

// "Masks" with a function that keeps the value.
func (c *Config) badlyRedacted() Config {
	m := *c
	m.DB.Password = keepShort(m.DB.Password)
	m.SigningKey = keepShort(m.SigningKey)
	return m
}

// Returns the original on one path.
func (c *Config) maybeRedacted(debug bool) Config {
	if debug {
		return *c
	}
	m := *c
	m.DB.Password = "***"
	m.SigningKey = "***"
	return m
}

// A builder sets the credential: printing what it returns prints it.
func build(pw string) Config {
	c := Config{Name: "db"}
	c.DB.Password = pw
	return c
}

func logged(c *Config, pw string) {
	log.Printf("config: %+v", redactedGlobal())       // silent: every credential masked by redact
	log.Printf("config: %+v", c.redacted())           // silent: masked, SigningKey only when set
	log.Printf("config: %+v", c.halfRedacted())       // want `maskcopy.Config with credential field SigningKey`
	log.Printf("config: %+v", c.badlyRedacted())      // want `maskcopy.Config with credential field`
	log.Printf("config: %+v", c.maybeRedacted(false)) // want `maskcopy.Config with credential field`
	log.Printf("config: %+v", build(pw))              // want `password in parameter pw reaches log.Printf`
}

// A local copy masked by the masking function before the print.
func local(c Config) {
	m := c
	m.DB.Password = redact(m.DB.Password)
	m.SigningKey = redact(m.SigningKey)
	log.Printf("%+v", m) // silent: masks from redact
	k := c
	k.DB.Password = keepShort(k.DB.Password)
	k.SigningKey = "***"
	log.Printf("%+v", k) // want `password in field Password reaches log.Printf`
}
