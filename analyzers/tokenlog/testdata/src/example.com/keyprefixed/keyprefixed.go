// Package keyprefixed tests values for a secret key's prefix. A value
// so tested is a secret API key whatever it is called: putting it in an
// error or a log leaks it. A value tested for a publishable key's
// prefix, for a scheme, or a whole-string comparison with a long
// literal is not made a key by that.
package keyprefixed

import (
	"fmt"
	"log"
	"strings"
)

type client struct{ key string }

func newClient(processor string) (*client, error) {
	if !strings.HasPrefix(processor, "sk_live_") && !strings.HasPrefix(processor, "sk_test_") {
		return nil, fmt.Errorf("%q is not a secret key", processor) // want `secret API key \(tested for the prefix "sk_live_"\) is put in an error message by fmt.Errorf`
	}
	return &client{key: processor}, nil
}

func check(v string) {
	if rest, ok := strings.CutPrefix(v, "sk-"); ok && len(rest) < 20 {
		log.Printf("short key %s", v) // want `secret API key \(tested for the prefix "sk-"\) reaches log.Printf`
	}
}

// Near misses.

func publishable(v string) error {
	if !strings.HasPrefix(v, "pk_live_") {
		return fmt.Errorf("%q is not a publishable key", v)
	}
	return nil
}

func scheme(u string) error {
	if !strings.HasPrefix(u, "https://") {
		return fmt.Errorf("%q is not an https URL", u)
	}
	return nil
}

// skipped tests for a directory prefix that happens to start with sk_.
func skipped(name string) {
	if strings.HasPrefix(name, "sk_sessions_directory_archive/") {
		log.Printf("skipping %s", name)
	}
}
