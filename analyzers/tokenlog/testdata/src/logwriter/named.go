package logwriter

import (
	"errors"
	"fmt"
	"log"
	"strings"
)

// A credential known only by its name passes an in-house logger's
// layers (SysError → logHelper → fmt.Fprintf, debugf → logf →
// log.Printf) as it would one log call: the layers only hand it on.

func GetToken(apikey string) string { // want GetToken:`param 0 reaches fmt.Fprintf to gin.DefaultErrorWriter via logwriter.SysError and logwriter.logHelper \(own sink\); param 0 flows to result 0`
	parts := strings.Split(apikey, ".")
	if len(parts) != 2 {
		SysError("invalid zhipu key: " + apikey) // want `API key in parameter apikey reaches fmt.Fprintf to gin.DefaultErrorWriter via SysError and logHelper`
		return ""
	}
	return parts[0]
}

func logf(format string, args ...any)   { log.Printf(format, args...) }
func debugf(format string, args ...any) { logf("[debug] "+format, args...) }

func connect(password string) {
	debugf("connecting with %s", password) // want `password in parameter password reaches log.Printf via debugf and logf`
}

// Near misses.

// The same logger given a value that is not a credential.
func loadModel(model string) {
	debugf("model %s", model)
	SysError("invalid model: " + model)
}

// Passed through a helper on the way, the value is still the secret.
func trimmed(secret string) string { return strings.TrimSpace(secret) }

func travels(secret string) {
	debugf("got %s", trimmed(secret)) // want `secret in parameter secret reaches log.Printf via debugf and logf`
}

// A masked value through the same layers.
func redact(s string) string { return "****" }

func masked(secret string) {
	debugf("got %s", redact(secret))
	SysLog(fmt.Sprintf("secret of %d bytes", len(secret)))
}

// Errors are judged where they are made, and two error wrappers are
// still two functions.
func wrapErr(msg string) error  { return errors.New(msg) }
func wrapErr2(msg string) error { return fmt.Errorf("auth: %w", wrapErr(msg)) }

func check(token string) error {
	return wrapErr2("bad token " + token)
}
