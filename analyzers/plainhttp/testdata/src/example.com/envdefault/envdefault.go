// Package envdefault loads its settings from the environment through a
// helper that returns a default when the variable is unset. The default
// passed at a call is what that call returns: a plain URL default for a
// base URL is reported at its literal; the defaults of other calls of
// the helper are not its value. The variable's name also says what its
// default is.
package envdefault

import "os"

type Config struct {
	Addr        string
	PrimaryURL  string
	FallbackURL string
	LocalURL    string
	ServiceURL  string
	HomePage    string
	PushTarget  string
	Issuer      string
	Docs        string
	LocalAPI    string
}

func Load() Config {
	return Config{
		Addr:        get("ADDR", ":8080"),
		PrimaryURL:  get("PRIMARY_URL", "https://api.openai.example/v1"),
		FallbackURL: get("FALLBACK_URL", "http://api.inferwell.ai/v1"), // want `field FallbackURL holds plain HTTP URL http://api.inferwell.ai`
		LocalURL:    get("LOCAL_URL", "http://127.0.0.1:8000/v1"),
		// Near miss: the service URL's own default is https; the plain
		// default below is another call's.
		ServiceURL: get("SERVICE_URL", "https://billing.inferwell.ai"),
		// Near miss: a home page is a link, not an API.
		HomePage: get("HOME_PAGE", "http://www.inferwell-shop.com"),
		// The variable's name says what the default is, whatever the
		// field is called.
		PushTarget: get("APP_PUSH_URL", "http://fcm.pushrelay.net/v1/send"), // want `default of environment variable APP_PUSH_URL holds plain HTTP URL http://fcm.pushrelay.net`
		Issuer:     get("BILLING_OIDC_ISSUER", "http://login.canvasly.io"),  // want `default of environment variable BILLING_OIDC_ISSUER holds plain HTTP URL http://login.canvasly.io`
		// Near misses: a documentation link and a loopback API.
		Docs:     get("APP_DOCS_URL", "http://docs.inferwell.ai"),
		LocalAPI: get("APP_LOCAL_API_URL", "http://localhost:8000"),
	}
}

func get(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
