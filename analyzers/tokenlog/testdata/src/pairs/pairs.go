// Package pairs: helpers that take name/value pairs in a variadic list
// and walk it two at a time. What reaches the sink is the elements the
// loop's index selects: the names (vals[i], i = 0, 2, …) or the values
// (vals[i+1]).
package pairs

import (
	"errors"
	"fmt"
	"log"
)

type Config struct {
	APIKey   string
	Domain   string
	Password string
}

// requireSet names the settings that are missing: it prints the names
// only, and tests the values.
func requireSet(prefix string, vals ...string) error {
	var err error
	for i := 0; i+1 < len(vals); i += 2 {
		if vals[i+1] != "" {
			continue
		}
		err = errors.Join(err, fmt.Errorf("%s requires %s.%s", prefix, prefix, vals[i]))
	}
	return err
}

// dumpPairs logs every value.
func dumpPairs(vals ...string) {
	for i := 0; i+1 < len(vals); i += 2 {
		log.Printf("%s=%s", vals[i], vals[i+1])
	}
}

// dumpNames logs the names from the second pair on.
func dumpNames(vals ...string) {
	for i := 2; i < len(vals); i += 2 {
		log.Printf("setting %s", vals[i])
	}
}

func validate(cfg Config) error {
	dumpNames("APIKey", cfg.APIKey, "Password", cfg.Password)                // silent: the names only
	dumpPairs("Domain", cfg.Domain, "APIKey", cfg.APIKey)                    // want `API key in field APIKey reaches log.Printf via dumpPairs`
	return requireSet("Mailgun", "APIKey", cfg.APIKey, "Domain", cfg.Domain) // silent: the values are only tested
}
