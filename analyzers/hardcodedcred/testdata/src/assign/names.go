package assign

// Credentials declared in one file and used in another (assign.go). The
// typed sink (a constant-time comparison) names the first, its name the
// second.
const defaultAPIKey = "f3a9c2e7b1d84f60a5c3e9b2d7f1a4c8" // want `value compared by subtle.ConstantTimeCompare is a string literal \(through const defaultAPIKey\)`

var sharedSecret = "Jx7-Wq2#Lm9pZr4" // want `secret in var sharedSecret is a string literal`

// A name that does not say credential, compared in constant time.
const internalKey = "internal-service-key-123" // want `value compared by subtle.ConstantTimeCompare is a string literal \(through const internalKey\)`

// Names about credentials that hold none.
const (
	tokenURL      = "https://auth.internal.corp/oauth/token"
	TokenEndpoint = "/oauth2/token"
	secretName    = "prod/payments/stripe-key"
	KeyID         = "9f1c2d3e-kid-2024"
	passwordField = "password"
	apiKeyHeader  = "X-API-Key"
	// An extension header's name with a product name in it (nuclio).
	V3IOSessionKey = "X-V3io-Session-Key"
	tokenEnvVar    = "GITHUB_TOKEN"
	// Import paths and scheme-less resource paths, all lower case.
	pkgClientCreds = "golang.org/x/oauth2/clientcredentials"
	tokenSvcModule = "github.com/acme/token-svc2/v3"
)

// A secret that starts like a header but is one run.
const sessionSecret = "X-9fKd8Lq2Zx7Vm4Np1R" // want `secret in const sessionSecret is a string literal`

// A secret that happens to contain a slash still mixes cases.
const apiSecret = "acme.io/Kd8Lq2Zx7Vm4Np1R" // want `secret in const apiSecret is a string literal`

// A constant with a neutral name, stored under a credential name in
// assign.go: reported at the literal, naming the field.
const vendorDefault = "Kd8Lq2Zx7Vm4Np1R" // want `API key in field APIKey is a string literal \(through const vendorDefault\)`

// The same value under a neutral name and neutral uses: silent.
const buildID = "Kd8Lq2Zx7Vm4Np1R-build"

// Labels: login-method names and message-catalogue keys that spell a
// credential word. A secret does not name itself.
const (
	LoginMethodKeyAndPassword   = "publickey+password"
	LoginMethodTLSCertAndPwd    = "TLSCertificate+password"
	I18nOAuth2ErrNoRefreshToken = "oauth2.no_refresh_token"
	settingSHA1ClientSecret     = "auth.sha1.client_secret"
)

// Near misses: the same separators around secrets.
const (
	fallbackPassword = "pass+w0rd!x"                  // want `password in const fallbackPassword is a string literal`
	signingToken     = "s3cr3t.t0k3n.v2"              // want `token in const signingToken is a string literal`
	relayKeyToken    = "oauth2.Xk29fQpL7mZt4RvW.auth" // want `token in const relayKeyToken is a string literal`
)

// Near miss: the name of the algorithm a signing helper uses, under a
// name that ends in HMAC. The key beside it is reported.
const (
	signatureAlgorithmHMAC = "hmac-sha256"
	hmacSecret             = "hs256-9f8e7d6c5b4a3f2e1d0c" // want `secret in const hmacSecret is a string literal`
)

type accessKey struct {
	Name     string
	Password string
}

// Near miss: the demo project's vault password must match the public
// demo repository it clones; a function that builds demo data holds
// the demo's published values.
func createDemoProject() accessKey {
	return accessKey{Name: "Vault Password", Password: "RX7q2mLp9Vw4Zt8Kc3Ns"}
}

// A function that tests a connection is production code: its literal
// is reported.
func testConnection() accessKey {
	return accessKey{Password: "RX7q2mLp9Vw4Zt8Kc3Ns"} // want `password in field Password is a string literal`
}

func attr(k, v string) string { return k + "=" + v }

// Near miss: a tracing attribute keyed under password.* holds a label
// of the check's outcome, not a password.
func traced() {
	_ = attr("password.outcome", "argon2id_match")
	_ = attr("SMTP_PASSWORD_2", "Xq7!kLm2#Pz9") // want `passed to assign.attr is a string literal`
}
