package assign

import (
	"crypto/subtle"
	"flag"
	"net/http"
	"os"
)

type Client struct {
	BaseURL  string
	APIKey   string
	Password string
	Token    string
	KeyFile  string
	TokenTTL int
}

func NewClient(baseURL, apiKey string) *Client { return &Client{BaseURL: baseURL, APIKey: apiKey} }

func (c *Client) SetToken(t string) { c.Token = t }

func (c *Client) WithAPIKey(value string) *Client { c.APIKey = value; return c }

// getAccessToken fetches a token for scope: it takes no token.
func (c *Client) getAccessToken(scope string) (string, error) { return scope, nil }

// FetchToken takes the account a token is fetched for.
func FetchToken(account string) string { return account }

// NewKeyCredential takes the key, whatever its parameter is called.
func NewKeyCredential(accountKey string) string { return accountKey }

// Fields, vars and consts under credential names.
func fields() {
	_ = Client{APIKey: "Q2w9E4r7T1y6U3i8"}      // want `API key in field APIKey is a string literal`
	_ = Client{Password: "S3cure!Passw0rd"}     // want `password in field Password is a string literal`
	_ = &Client{Token: "tk_8fJ2kL9mN4pQ7rS1vX"} // want `token in field Token is a string literal`

	c := &Client{}
	c.Password = "Adm1n#2024" // want `password in field Password is a string literal`
	c.APIKey = os.Getenv("API_KEY")
	c.APIKey = vendorDefault
	c.BaseURL = buildID
	c.KeyFile = "/etc/app/keys/api.key" // not a credential name: silent
	c.TokenTTL = 3600                   // not a string: silent

	accessToken := "Ya8Bc3De6Fg9Hi2Jk5" // want `token in var accessToken is a string literal`
	_ = accessToken

	// Near misses: placeholders, words, paths, env names, templates,
	// format strings, hashes, empty values.
	_ = Client{APIKey: "YOUR_API_KEY"}
	_ = Client{APIKey: "<api-key>"}
	_ = Client{APIKey: "xxxxxxxxxxxxxxxx"}
	_ = Client{APIKey: "********"}
	_ = Client{APIKey: "${API_KEY}"}
	_ = Client{APIKey: "{{ .APIKey }}"}
	_ = Client{APIKey: "key-%s-%d"}
	_ = Client{APIKey: "test-api-key-123"}
	_ = Client{APIKey: "dummy_key_4f9a2b"}
	_ = Client{APIKey: "0123456789abcdef0123456789abcdef"} // counting runs, a test harness's agent secret
	_ = Client{APIKey: ""}
	_ = Client{Password: "password"}
	_ = Client{Password: "admin"}
	_ = Client{Password: "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"}
	_ = Client{Token: "Bearer"}
	_ = Client{Token: "access_token"}
	_ = Client{Token: "API_TOKEN"}
	_ = Client{Token: "kubernetes.io/service-account-token"}
	_ = Client{Token: "/var/run/secrets/token"}
	_ = Client{Token: "2024-01-31"}
	_ = Client{APIKey: "a1b2c3"}
	_ = Client{Password: "Please enter your password"}
	_ = Client{APIKey: "ops@internal.corp"}

	var apiKey = os.Getenv("API_KEY")
	_ = apiKey

	password, ok := os.LookupEnv("DB_PASSWORD")
	_, _ = password, ok
}

// Map entries and index assignments with credential keys.
func maps() {
	_ = map[string]string{
		"client_secret": "Vf5Gt7Hy9Ju1Ki3L", // want `client secret in map entry "client_secret" is a string literal`
		"client_id":     "Vf5Gt7Hy9Ju1Ki3L-id",
		"password":      "password",
	}
	m := map[string]string{}
	m["api_key"] = "Nb6Vc4Xz2Lk8Jh0G" // want `API key in map entry api_key is a string literal`
	m["api_key"] = os.Getenv("API_KEY")
	m["endpoint"] = "Nb6Vc4Xz2Lk8Jh0G-endpoint"
	_ = map[string]int{"password": 12345678}
}

// Comparisons and switches with credential-named operands.
func handler(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-API-Key") != "Lp9Ok8Ij7Uh6Yg5T" { // want `value compared with credential X-API-Key is a string literal`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
	token := r.URL.Query().Get("token")
	if token == "Ws3Ed4Rf5Tg6Yh7U" { // want `value compared with token token is a string literal`
		return
	}
	if token == "" || token == "null" { // empty and placeholder: silent
		return
	}
	apiKey := r.Header.Get("X-API-Key")
	if subtle.ConstantTimeCompare([]byte(apiKey), []byte(defaultAPIKey)) == 1 {
		return
	}
	if subtle.ConstantTimeCompare([]byte(r.FormValue("k")), []byte(internalKey)) == 1 {
		return
	}
	if subtle.ConstantTimeCompare([]byte(apiKey), []byte(os.Getenv("API_KEY"))) == 1 { // from the environment: silent
		return
	}
	if apiKey == sharedSecret {
		return
	}
	switch apiKey {
	case "Qa1Ws2Ed3Rf4Tg5Y": // want `value compared with API key apiKey is a string literal`
	case "disabled":
	}
	if r.Method == "Ws3Ed4Rf5Tg6Yh7U" { // not a credential name: silent
		return
	}
}

// Parameters whose name says credential.
func calls(c *Client) {
	_ = NewClient("https://api.internal.corp", "Mj7Nh6Bg5Vf4Cd3X") // want `API key passed to assign.NewClient is a string literal`
	_ = NewClient("https://api.internal.corp", os.Getenv("API_KEY"))
	_ = NewClient("Mj7Nh6Bg5Vf4Cd3X-base", "") // baseURL is not a credential, the key is empty: silent
	c.SetToken("Xc4Vb5Nm6Lk7Jh8G")             // want `token passed to Client.SetToken is a string literal`
	c.SetToken("token")                        // a word: silent
	c.WithAPIKey("Pz8Lk3Mq7Wn2Xc5V")           // want `API key passed to Client.WithAPIKey is a string literal`

	// A parameter named for something else is that thing, whatever
	// the function returns.
	_, _ = c.getAccessToken("499b84ac-1321-427f-aa17-267ca6975798/.default")
	_ = FetchToken("svc-9Qz2Lm7Xc4Vb-deploy")
	_ = NewKeyCredential("Hq3Wz7Lm2Xc9Vb4N") // want `credential passed to assign.NewKeyCredential is a string literal`

	// Flag names, defaults and usage strings are not credentials.
	_ = flag.String("api-key", "", "API key used to call the billing service")
	_ = flag.String("token", "", "the access token (or set API_TOKEN)")
	_ = os.Getenv("API_TOKEN")
}

// Functions whose name says they return a credential.
func signingSecret() string {
	return "Po9Iu8Yt7Re6Wq5Z" // want `secret returned from signingSecret is a string literal`
}

func passwordPolicy() string { return "min-length-12" } // not a credential name: silent

// Struct tags are no values, except a default a configuration loader
// gives the field (tagdefault.go).
type Creds struct {
	Password string `json:"password" env:"DB_PASSWORD" default:"Xz9Cv8Bn7Mq6"` // want `password in the default of field Password in its struct tag is a string literal`
	APIKey   string `yaml:"api_key"`
	Token    string `json:"token" env:"API_TOKEN"`
}

// More near misses: validation rules, regular expressions, fragments of
// a concatenation with a run-time part, names that say test data.
func nearMisses(gen func() string) {
	_ = map[string]string{"password": "required,min=8", "api_key": "required|len:32"}
	_ = Client{Token: `[A-Za-z0-9]{32}`}
	_ = Client{APIKey: "sk-ant-api03-" + gen() + "AA"}
	invalidToken := "Rm8Tn2Vb6Xc0Zq4L"
	fakeAPIKey := "Gh7Jk1Lm5Np9Qr3S"
	_, _ = invalidToken, fakeAPIKey
}

// setDefault has the shape of viper.SetDefault.
func setDefault(key string, value any) {}

// Key/value calls: the constant key names the value.
func keyValues() {
	_ = os.Setenv("STRIPE_API_KEY", "Hn4Jm8Kq2Lw6Px0Z") // want `API key passed to os.Setenv is a string literal`
	setDefault("auth.jwt_secret", "Vq9Wr3Es7Tx1Yz5A")   // want `secret passed to assign.setDefault is a string literal`
	setDefault("auth.jwt_secret_file", "/run/secrets/jwt")
	setDefault("auth.token_ttl", "15m")
	_ = os.Setenv("HOME", "Hn4Jm8Kq2Lw6Px0Z")           // not a credential name: silent
	_ = flag.String("token", "", "bearer token to use") // empty default: silent
	_ = os.Setenv("API_TOKEN", os.Getenv("CI_TOKEN"))   // run-time value: silent
}

// Setting and property keys: the value names where a secret is looked
// up, often repeating the constant's own name. Silent.
const (
	SessionSigningSecretKey = "SessionSigningSecret" // an acronym-free identifier that repeats the name
	OIDCClientSecretKey     = "OIDCClientSecret"     // a leading acronym, then words
	OAuth2TokenKey          = "oauth2_token"         // the name spelled in snake_case, digits and all
	HMACSecretSettingName   = "HMACSigningKeyPrimary"
)

// A secret stored under a Key name is still a secret when it does not
// look like an identifier.
const WebhookSecretKey = "wh5Kq9Zp2Lm7Xr4T" // want `secret in const WebhookSecretKey is a string literal`

// Near miss: the ID for a token, not a token: the words after "For"
// name what the ID belongs to.
func GetIDForToken() string {
	return "k8sSA-default"
}

// Near miss: the user found from a token.
func userFromToken() string {
	return "Ab3De6Gh9Jk2Mn5P"
}

// Positive: the token for a user is a token.
func tokenForUser() string {
	return "Qw7Er4Ty1Ui8Op5A" // want `token returned from tokenForUser is a string literal`
}
