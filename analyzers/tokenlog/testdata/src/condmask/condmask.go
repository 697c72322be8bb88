// Package condmask: a copy masked where its credential is set. A mask
// stored in the branch where the field is not empty, on every path to
// the print, leaves the mask or nothing; a mask under any other
// condition leaves the secret on one path.
package condmask

import "log"

type Config struct {
	Name   string
	Secret string
	Other  string
}

var Cfg = &Config{}

func global() {
	m := *Cfg
	if len(Cfg.Secret) != 0 {
		m.Secret = "XXXX"
	}
	log.Printf("%+v", m) // silent: the mask, or an empty secret
}

func param(c *Config) {
	m := *c
	if c.Secret != "" {
		m.Secret = "XXXX"
	}
	log.Printf("%+v", m) // silent: tested on the source
}

func self(c Config) {
	m := c
	if 0 < len(m.Secret) {
		m.Secret = ""
	}
	log.Printf("%+v", m) // silent: tested on the copy
}

func elseBranch(c Config) {
	m := c
	if m.Secret == "" {
		log.Print("no secret")
	} else {
		m.Secret = "XXXX"
	}
	log.Printf("%+v", m) // silent: masked in the else branch of the empty test
}

func otherField(c *Config) {
	m := *c
	if c.Other != "" {
		m.Secret = "XXXX"
	}
	log.Printf("%+v", m) // want `condmask.Config with credential field Secret`
}

func flag(c *Config, hide bool) {
	m := *c
	if hide {
		m.Secret = "XXXX"
	}
	log.Printf("%+v", m) // want `condmask.Config with credential field Secret`
}

func emptyBranch(c *Config) {
	m := *c
	if c.Secret == "" {
		m.Secret = "XXXX"
	}
	log.Printf("%+v", m) // want `condmask.Config with credential field Secret`
}

func otherCopy(c, d *Config) {
	m := *c
	if d.Secret != "" {
		m.Secret = "XXXX"
	}
	log.Printf("%+v", m) // want `condmask.Config with credential field Secret`
}
