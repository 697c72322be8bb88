// Package blind5: a password pepper is a secret; a key written in a
// constant is reported once, where it is written, not again in each
// constant expression built from it.
package blind5

import "net/http"

const passwordPepper = "pK8vL2xQ9mR4tW7zN1bY5cH3jF6gD0aS" // want `secret in const passwordPepper is a string literal`

var hmacPepper = []byte("Zt4Wq9Lp2Xv7Kc3Nm8Rb5Hy1Jd6Gf0Sa") // want `secret in var hmacPepper is a string literal`

const releaseToken = "ghp_R7kD2mXq9LwP4vTz8NcB3yHf6JsA1gE5uQ0o" // want `GitHub credential matching gitleaks rule github-pat`

func latest() {
	req, _ := http.NewRequest(http.MethodGet, "https://api.github.com/repos/o/r/releases/latest", nil)
	req.Header.Set("Authorization", "token "+releaseToken)
	_, _ = http.DefaultClient.Do(req)
}

// Near misses: pepper names that hold no pepper, a placeholder, and the
// constant expressions above.
const (
	pepperEnv     = "APP_PASSWORD_PEPPER"
	pepperVersion = "v2-2024-06-01"
	pepperID      = "pepper-2024-06"
	devPepper     = "changeme"
)

const authHeaderValue = "token " + releaseToken

var _ = []string{pepperEnv, pepperVersion, pepperID, devPepper, authHeaderValue}
