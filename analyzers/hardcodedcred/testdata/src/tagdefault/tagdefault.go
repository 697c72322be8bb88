// Package tagdefault gives configuration fields defaults in struct tags.
package tagdefault

// SeedConfig is the account created on first start.
type SeedConfig struct {
	AdminEmail    string `mapstructure:"adminEmail" default:"admin@example.com"`
	AdminPassword string `mapstructure:"adminPassword" default:"Admin123!!"` // want `password in the default of field AdminPassword in its struct tag is a string literal`
	AdminName     string `default:"Admin"`
}

// Bootstrap has an account password by its name alone.
type Bootstrap struct {
	RootPassword string `envDefault:"changeme"` // want `default account credentials: the default of field RootPassword`
}

// Login pairs a user name default with a password default.
type Login struct {
	Username string `env-default:"operator"`
	Password string `env-default:"operator"` // want `default account credentials: the default of field Password`
}

// Near miss: a database client's password is the database's.
type Database struct {
	PostgresUsername string `default:"app"`
	PostgresPassword string `default:"app"`
}

// Near misses: placeholders, empty defaults, no account.
type Other struct {
	AdminPassword   string `default:"<set-me>"`
	OwnerPassword   string `default:""`
	PasswordMinLen  int    `default:"8"`
	SessionPassword string `default:"s3cr3t-word"` // want `password in the default of field SessionPassword in its struct tag is a string literal`
}

// Profiler ships a vendor API key as the default of its setting.
type Profiler struct {
	ProfilerServer string `env:"ZINC_PROFILER_SERVER,default=https://pyroscope.example.com"`
	ProfilerAPIKey string `env:"ZINC_PROFILER_API_KEY,default=psx-AfPbC5Bh6gI4dHkCMpoxM2Qd7Xblsqhip5nlwvHdhAE1"` // want `API key in the default of field ProfilerAPIKey in its struct tag is a string literal`
	WebhookToken   string `envDefault:"Zq4Wn8Ls2Xd6Pk9RtY7u"`                                                    // want `token in the default of field WebhookToken in its struct tag is a string literal`
	// Near misses: a name as the default, a placeholder, a path.
	SigningKeyName string `default:"signing-key"`
	APIKey         string `default:"YOUR_API_KEY"`
	TokenFile      string `default:"/var/run/secrets/token"`
}

// Dropbox ships its app's pair as defaults (CasaOS): the app key is the
// client's identifier, sent in every authorize URL; the app secret is
// the credential.
type Dropbox struct {
	AppKey    string `json:"app_key" default:"tciqajyazzdygt9"`
	AppSecret string `json:"app_secret" default:"e7gtmv441cwdf0n"` // want `secret in the default of field AppSecret in its struct tag is a string literal`
}

// Near miss: an API key with no secret beside it is the credential.
type Pusher struct {
	APIKey    string `default:"Kp2xq9LmW4vT7nRb"` // want `API key in the default of field APIKey in its struct tag is a string literal`
	AppSecret string `default:"Zr8qLp2wXc4vBn6m"` // want `secret in the default of field AppSecret in its struct tag is a string literal`
}

type consumer struct{ ConsumerKey, ConsumerSecret, Signer string }

// The same pair in a literal and in assignments.
func pairs() {
	c := consumer{ConsumerKey: "xvz1evFS4wEEPTGEFPHBog", ConsumerSecret: "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"} // want `secret in field ConsumerSecret is a string literal`
	c.ConsumerKey = "L8qq9PZyRg6ieKGEKhZolGC0vJWLw8iEJ88DRdyOg"
	c.Signer = "hmac"
	_ = c
}
